using Microsoft.EntityFrameworkCore;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Entities.Efficiency;

namespace SmartPark.ParkData;

/// <summary>The tables, keys, lengths and indexes, the same for every provider.</summary>
internal static class ParkModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<Park>(park =>
        {
            park.HasKey(p => p.Id);
            park.Property(p => p.Id).HasMaxLength(64);
            park.Property(p => p.NameZh).HasMaxLength(200);
            park.Property(p => p.NameEn).HasMaxLength(200);
            park.Property(p => p.DistrictId).HasMaxLength(64);
            park.Property(p => p.LandOwnership).HasMaxLength(32);
            park.Property(p => p.LandProcedures).HasMaxLength(32);
            park.Property(p => p.PlanningStatus).HasMaxLength(32);
            park.Property(p => p.EnvironmentalAssessmentStatus).HasMaxLength(32);
            park.Property(p => p.Category).HasMaxLength(32);
            park.Property(p => p.Version).IsConcurrencyToken();
            park.HasIndex(p => p.DistrictId);
            park.HasOne<Jurisdiction>().WithMany().HasForeignKey(p => p.DistrictId).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<Enterprise>(enterprise =>
        {
            enterprise.HasKey(e => new { e.ParkId, e.Id });
            enterprise.Property(e => e.Id).HasMaxLength(64);
            enterprise.Property(e => e.NameZh).HasMaxLength(200);
            enterprise.Property(e => e.NameEn).HasMaxLength(200);
            enterprise.Property(e => e.CreditCode).HasMaxLength(18);
            enterprise.Property(e => e.Status).HasMaxLength(32);
            enterprise.Property(e => e.Version).IsConcurrencyToken();
            enterprise.HasIndex(e => e.CreditCode).IsUnique();
            enterprise.HasOne(e => e.Park).WithMany(p => p.Enterprises).HasForeignKey(e => e.ParkId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<Device>(device =>
        {
            device.HasKey(d => d.Id);
            device.Property(d => d.Id).HasMaxLength(64);
            device.Property(d => d.Version).IsConcurrencyToken();
            device.HasOne(d => d.Enterprise).WithMany(e => e.Devices).HasForeignKey(d => new { d.ParkId, d.EnterpriseId }).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<PermitLimitRow>(limit =>
        {
            limit.ToTable("PermitLimits");
            limit.HasKey(l => new { l.ParkId, l.EnterpriseId, l.Quantity });
            limit.Property(l => l.Quantity).HasMaxLength(64);
            limit.Property(l => l.Version).IsConcurrencyToken();
            limit.HasOne(l => l.Enterprise).WithMany(e => e.PermitLimits).HasForeignKey(l => new { l.ParkId, l.EnterpriseId }).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<DutyRosterRow>(duty =>
        {
            duty.ToTable("DutyRosters");
            duty.HasKey(d => d.ParkId);
            duty.Property(d => d.ParkId).HasMaxLength(64);
            duty.Property(d => d.Manager).HasMaxLength(64);
            duty.Property(d => d.Version).IsConcurrencyToken();
            duty.HasOne(d => d.Park).WithOne().HasForeignKey<DutyRosterRow>(d => d.ParkId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<MonitoringPoint>(point =>
        {
            point.HasKey(p => p.Mn);
            point.Property(p => p.Mn).HasMaxLength(32);
            point.Property(p => p.Version).IsConcurrencyToken();
            point.HasOne(p => p.Enterprise).WithMany(e => e.MonitoringPoints).HasForeignKey(p => new { p.ParkId, p.EnterpriseId }).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<ServiceAccountRow>(service =>
        {
            service.ToTable("ServiceAccounts");
            service.HasKey(s => s.Id);
            service.Property(s => s.Id).HasMaxLength(64);
            service.Property(s => s.Version).IsConcurrencyToken();
        });
        model.Entity<Jurisdiction>(jurisdiction =>
        {
            jurisdiction.HasKey(j => j.Id);
            jurisdiction.Property(j => j.Id).HasMaxLength(64);
            jurisdiction.Property(j => j.CityId).HasMaxLength(64);
            jurisdiction.Property(j => j.Version).IsConcurrencyToken();
            jurisdiction.HasIndex(j => j.CityId);
        });
        model.Entity<RenovationProject>(project =>
        {
            project.ToTable("Projects");
            project.HasKey(p => p.Id);
            project.Property(p => p.Kind).HasMaxLength(32);
            project.Property(p => p.Version).IsConcurrencyToken();
            project.HasOne(p => p.Park).WithMany(p => p.Projects).HasForeignKey(p => p.ParkId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<ProjectStage>(stage =>
        {
            stage.ToTable("Stages");
            stage.HasKey(s => s.Id);
            stage.Property(s => s.Kind).HasMaxLength(32);
            stage.Property(s => s.Version).IsConcurrencyToken();
            stage.HasIndex(s => new { s.ProjectId, s.Kind }).IsUnique();
            stage.HasOne(s => s.Project).WithMany(p => p.Stages).HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<UserAccount>(user =>
        {
            user.ToTable("Users");
            user.HasKey(u => u.Name);
            user.Property(u => u.Name).HasMaxLength(64);
            user.Property(u => u.Role).HasMaxLength(32);
            user.Property(u => u.Version).IsConcurrencyToken();
        });
        model.Entity<AuditEntry>(audit =>
        {
            audit.ToTable("Audit");
            audit.HasKey(a => a.Id);
            audit.Property(a => a.Actor).HasMaxLength(200);
            audit.Property(a => a.Action).HasMaxLength(16);
            audit.Property(a => a.Entity).HasMaxLength(64);
            audit.Property(a => a.Key).HasMaxLength(200);
            audit.HasIndex(a => new { a.ParkId, a.At });
            audit.HasIndex(a => new { a.Key, a.At });
        });
        model.Entity<EnterpriseEconomics>(economics =>
        {
            economics.HasKey(e => new { e.ParkId, e.EnterpriseId, e.Year });
            economics.Property(e => e.Standing).HasMaxLength(16);
            economics.Property(e => e.Source).HasMaxLength(200);
            economics.Property(e => e.Version).IsConcurrencyToken();
            economics.HasIndex(e => e.Year);
            economics.HasOne(e => e.Enterprise).WithMany().HasForeignKey(e => new { e.ParkId, e.EnterpriseId }).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<SupervisionAgreement>(agreement =>
        {
            agreement.ToTable("Agreements");
            agreement.HasKey(a => new { a.ParkId, a.EnterpriseId });
            agreement.Property(a => a.Reference).HasMaxLength(100);
            agreement.Property(a => a.Version).IsConcurrencyToken();
            agreement.HasOne(a => a.Enterprise).WithMany().HasForeignKey(a => new { a.ParkId, a.EnterpriseId }).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<EfficiencySchemeRow>(scheme =>
        {
            scheme.ToTable("EfficiencySchemes");
            scheme.HasKey(s => new { s.JurisdictionId, s.FromYear });
            scheme.Property(s => s.JurisdictionId).HasMaxLength(64);
            scheme.Property(s => s.Version).IsConcurrencyToken();
            scheme.HasOne<Jurisdiction>().WithMany().HasForeignKey(s => s.JurisdictionId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<MeterReplacement>(replacement =>
        {
            replacement.HasKey(r => r.Id);
            replacement.Property(r => r.ParkId).HasMaxLength(64);
            replacement.Property(r => r.SensorId).HasMaxLength(64);
            replacement.Property(r => r.Quantity).HasMaxLength(64);
            replacement.Property(r => r.Note).HasMaxLength(500);
            replacement.Property(r => r.Version).IsConcurrencyToken();
            replacement.HasIndex(r => new { r.DeviceId, r.ReplacedAt });
            replacement.HasOne(r => r.Device).WithMany().HasForeignKey(r => r.DeviceId).OnDelete(DeleteBehavior.Cascade);
        });
        Rectification.RectificationModel.Configure(model);
        model.Entity<RegistryRevision>(revision =>
        {
            revision.HasKey(r => r.Id);
            revision.Property(r => r.Id).ValueGeneratedNever();
            revision.HasData(new RegistryRevision { Id = RegistryRevision.SingletonId, Number = 0, ChangedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
        });
    }
}

using Microsoft.EntityFrameworkCore;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Entities.Rectification;

namespace SmartPark.ParkData.Rectification;

/// <summary>The rectification tables (orders, their steps and evidence, checklists, inspections), the same for every provider.</summary>
internal static class RectificationModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<RectificationOrder>(order =>
        {
            order.ToTable("RectificationOrders");
            order.HasKey(o => o.Id);
            order.Property(o => o.ParkId).HasMaxLength(64);
            order.Property(o => o.EnterpriseId).HasMaxLength(64);
            order.Property(o => o.Source).HasMaxLength(16);
            order.Property(o => o.AlertId).HasMaxLength(200);
            order.Property(o => o.Hazard).HasMaxLength(32);
            order.Property(o => o.Description).HasMaxLength(2000);
            order.Property(o => o.ResponsibleName).HasMaxLength(100);
            order.Property(o => o.ResponsiblePhone).HasMaxLength(32);
            order.Property(o => o.State).HasMaxLength(16);
            order.Property(o => o.CreatedBy).HasMaxLength(200);
            order.Property(o => o.ReplyTokenHash).HasMaxLength(64);
            order.Property(o => o.Version).IsConcurrencyToken();
            order.HasIndex(o => new { o.ParkId, o.State });
            order.HasIndex(o => o.ReplyTokenHash).IsUnique();
            order.HasOne<Enterprise>().WithMany().HasForeignKey(o => new { o.ParkId, o.EnterpriseId }).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<RectificationStep>(step =>
        {
            step.ToTable("RectificationSteps");
            step.HasKey(s => s.Id);
            step.Property(s => s.Action).HasMaxLength(16);
            step.Property(s => s.FromState).HasMaxLength(16);
            step.Property(s => s.ToState).HasMaxLength(16);
            step.Property(s => s.Actor).HasMaxLength(200);
            step.Property(s => s.Note).HasMaxLength(2000);
            step.HasIndex(s => new { s.OrderId, s.At });
            step.HasOne(s => s.Order).WithMany(o => o.Steps).HasForeignKey(s => s.OrderId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<RectificationEvidence>(evidence =>
        {
            evidence.ToTable("RectificationEvidence");
            evidence.HasKey(e => e.Id);
            evidence.Property(e => e.ParkId).HasMaxLength(64);
            evidence.Property(e => e.Sha256).HasMaxLength(64);
            evidence.Property(e => e.ContentType).HasMaxLength(32);
            evidence.Property(e => e.OriginalName).HasMaxLength(100);
            evidence.Property(e => e.UploadedBy).HasMaxLength(200);
            evidence.HasIndex(e => e.OrderId);
            evidence.HasOne(e => e.Order).WithMany(o => o.Evidence).HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.Cascade);
            // No action on the step: both go with their order (cascade), checked at the statement's end.
            evidence.HasOne(e => e.Step).WithMany().HasForeignKey(e => e.StepId).OnDelete(DeleteBehavior.ClientSetNull);
        });
        model.Entity<InspectionChecklist>(checklist =>
        {
            checklist.ToTable("InspectionChecklists");
            checklist.HasKey(c => c.Id);
            checklist.Property(c => c.ParkId).HasMaxLength(64);
            checklist.Property(c => c.NameZh).HasMaxLength(200);
            checklist.Property(c => c.NameEn).HasMaxLength(200);
            checklist.Property(c => c.Version).IsConcurrencyToken();
            checklist.HasIndex(c => c.ParkId);
            checklist.HasOne<Park>().WithMany().HasForeignKey(c => c.ParkId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<Inspection>(inspection =>
        {
            inspection.ToTable("Inspections");
            inspection.HasKey(i => i.Id);
            inspection.Property(i => i.ParkId).HasMaxLength(64);
            inspection.Property(i => i.EnterpriseId).HasMaxLength(64);
            inspection.Property(i => i.Inspector).HasMaxLength(200);
            inspection.Property(i => i.Note).HasMaxLength(2000);
            inspection.HasIndex(i => new { i.ParkId, i.At });
            inspection.HasOne<Enterprise>().WithMany().HasForeignKey(i => new { i.ParkId, i.EnterpriseId }).OnDelete(DeleteBehavior.Cascade);
            // Cascade, not Restrict: PostgreSQL checks RESTRICT at once, which would stop a park (and its checklists) from being deleted with its inspections.
            inspection.HasOne<InspectionChecklist>().WithMany().HasForeignKey(i => i.ChecklistId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

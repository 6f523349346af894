using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Seeding;
using SmartPark.ParkData.Validation;
using SmartPark.ParkData.Vocabulary;
using SmartPark.Simulator.Commands;
using SmartPark.Simulator.Generation.District;

namespace SmartPark.UnitTests.Simulator;

/// <summary><c>simulate generate district</c>: the plan from a seed, and what it writes into a real SQLite file.</summary>
public sealed class DistrictGeneratorTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static readonly Jurisdiction Baiyun = JurisdictionSeed.All().Single(j => j.Id == "baiyun");
    private static readonly DistrictOptions Options = new() { DistrictId = "baiyun", Seed = 16, Today = Today, LiveParks = ["baiyun-shimen"] };
    private static readonly JsonSerializerOptions Json = new() { ReferenceHandler = ReferenceHandler.IgnoreCycles };

    private readonly string _directory = Directory.CreateTempSubdirectory("district-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static IReadOnlyList<Park> Plan(DistrictOptions? options = null) => DistrictGenerator.Generate(options ?? Options, Baiyun);

    [Fact]
    public void The_same_seed_gives_the_same_district_and_another_seed_another()
    {
        var first = JsonSerializer.Serialize(Plan(), Json);
        Assert.Equal(first, JsonSerializer.Serialize(Plan(), Json));
        Assert.NotEqual(first, JsonSerializer.Serialize(Plan(Options with { Seed = 17 }), Json));
    }

    [Fact]
    public void Dozens_of_parks_named_in_both_languages_inside_the_district_with_every_category_and_batch()
    {
        var parks = Plan();
        Assert.Equal(40, parks.Count);
        Assert.Equal(parks.Count, parks.Select(p => p.Id).Distinct().Count());
        Assert.All(parks, p =>
        {
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", p.NameZh);
            Assert.Matches("^[A-Z][A-Za-z ]+$", p.NameEn!);
            Assert.InRange(p.Latitude!.Value, 23.13, 23.43);   // Baiyun spans about 23.13–23.43 N
            Assert.InRange(p.Longitude!.Value, 113.15, 113.50); // and 113.15–113.50 E
            Assert.NotNull(p.Township);
            Assert.EndsWith("股份经济合作社", p.VillageCollective);
            Assert.True(p.LandAreaHectares > 0);
            Assert.Contains(p.LandOwnership, LandOwnership.All);
            Assert.Contains(p.LandProcedures, ProcedureStatus.All);
        });
        Assert.Equal(ParkCategory.All.Order(), parks.Select(p => p.Category).OfType<string>().Distinct().Order());
        Assert.Contains(parks, p => p.Category is null);
        Assert.Equal([1, 2, 3], parks.Select(p => p.Batch).OfType<int>().Distinct().Order());
        Assert.All(parks.Where(p => p.Category is not null), p => Assert.NotNull(p.DecisionDate));
    }

    [Fact]
    public void Every_enterprise_has_a_valid_unique_credit_code_and_emitters_a_permit_on_it()
    {
        var enterprises = Plan().SelectMany(p => p.Enterprises).ToList();
        Assert.InRange(enterprises.Count, 80, 240);
        Assert.All(enterprises, e =>
        {
            Assert.True(UnifiedSocialCreditCode.IsValid(e.CreditCode), e.CreditCode);
            Assert.StartsWith("91440111", e.CreditCode); // a company registered in Baiyun (440111)
            Assert.EndsWith("有限公司", e.NameZh);
            Assert.EndsWith("Co., Ltd.", e.NameEn);
            if (e.DischargePermitNumber is { } permit)
                Assert.Equal(e.CreditCode + "001P", permit);
        });
        Assert.Equal(enterprises.Count, enterprises.Select(e => e.CreditCode).Distinct().Count());
        Assert.Contains(enterprises, e => e.DischargePermitNumber is not null);
        Assert.Contains(enterprises, e => e.DischargePermitExpiry is { } expiry && expiry < Today.AddDays(90));
    }

    [Fact]
    public void Projects_are_done_on_time_or_overdue_and_the_renovated_area_is_a_believable_share_of_the_target()
    {
        var parks = Plan();
        var projects = parks.SelectMany(p => p.Projects).ToList();
        Assert.Equal(parks.Count(p => p.Category is not null), projects.Count);
        Assert.All(projects, p => Assert.Equal(StageKind.For(p.Kind), p.Stages.OrderBy(s => s.Order).Select(s => s.Kind)));
        // Done stages come in order and never in the future.
        Assert.All(projects, p => Assert.All(p.Stages.SkipWhile(s => s.IsDone), s => Assert.False(s.IsDone)));
        Assert.All(projects.SelectMany(p => p.Stages).Where(s => s.IsDone), s => Assert.True(s.ActualDate <= Today));

        var outcome = DistrictOutcome.Of(Baiyun, [.. parks], Today);
        Assert.True(outcome.OverdueProjects.Count >= Math.Max(2, projects.Count / 10), $"{outcome.OverdueProjects.Count} overdue");
        Assert.True(outcome.ProjectsComplete > 0);
        Assert.Contains(projects, p => !ProjectSchedule.IsOverdue(p, Today) && p.Stages.Any(s => !s.IsDone)); // on time, under way
        Assert.InRange(outcome.RenovatedShareOfTarget!.Value, 0.08, 0.6);
        Assert.Equal(parks.Count, outcome.ParksByCategory.Values.Sum());
    }

    [Fact]
    public void The_live_park_keeps_its_id_and_name_has_no_generated_enterprises_and_is_under_way_on_time()
    {
        var shimen = Plan().Single(p => p.Id == "baiyun-shimen");
        Assert.Equal(("石门村工业园", "Shimen Village Industrial Park", "石门街道"), (shimen.NameZh, shimen.NameEn, shimen.Township));
        Assert.Empty(shimen.Enterprises);
        var project = Assert.Single(shimen.Projects);
        Assert.False(ProjectSchedule.IsOverdue(project, Today));
        Assert.Contains(project.Stages, s => s.IsDone);
        Assert.Contains(project.Stages, s => !s.IsDone);
    }

    [Fact]
    public async Task Written_to_sqlite_it_is_audited_as_simulate_a_rerun_changes_nothing_and_the_database_shows_the_plan()
    {
        var factory = Factory();
        var (first, written) = await GenerateDistrictCommand.GenerateAsync(factory, Options);
        Assert.Equal(new DistrictWriteResult(40, 0, 0), written);
        var audited = await Count(factory);

        var (again, rewritten) = await GenerateDistrictCommand.GenerateAsync(factory, Options);
        Assert.Equal(new DistrictWriteResult(0, 0, 40), rewritten);
        Assert.Equal(audited, await Count(factory));
        Assert.Equal(JsonSerializer.Serialize(first), JsonSerializer.Serialize(again));
        // What the database holds is what the plan says, to the overdue day.
        Assert.Equal(JsonSerializer.Serialize(DistrictOutcome.Of(Baiyun, [.. Plan()], Today)), JsonSerializer.Serialize(first));

        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(["simulate"], await db.Audit.Select(a => a.Actor).Distinct().ToListAsync());
        Assert.Equal(40, await db.Parks.CountAsync(p => p.DistrictId == "baiyun"));
    }

    [Fact]
    public async Task A_live_park_the_registry_put_there_keeps_its_names_and_enterprises_and_gains_its_place_and_project()
    {
        var factory = Factory();
        await ParkDatabase.MigrateAsync(factory);
        await using (var db = await factory.CreateDbContextAsync())
        {
            await JurisdictionSeed.EnsureAsync(db);
            db.Actor = "import:baiyun-demo.registry.yaml";
            db.Parks.Add(new Park
            {
                Id = "baiyun-shimen",
                NameZh = "石门村工业园",
                NameEn = "Shimen Village Industrial Park",
                DistrictId = "baiyun",
                LandAreaHectares = 18.6,
                LeadingIndustry = "furniture",
                Enterprises = [new Enterprise { ParkId = "baiyun-shimen", Id = "e01-huaxin-furniture", NameZh = "华信家具", Industry = "furniture_painting" }],
            });
            await db.SaveChangesAsync();
        }
        var (outcome, written) = await GenerateDistrictCommand.GenerateAsync(factory, Options);
        Assert.Equal(new DistrictWriteResult(39, 1, 0), written);

        await using var check = await factory.CreateDbContextAsync();
        var shimen = await check.Parks.Include(p => p.Enterprises).Include(p => p.Projects).SingleAsync(p => p.Id == "baiyun-shimen");
        Assert.Equal(("石门村工业园", 18.6, "furniture"), (shimen.NameZh, shimen.LandAreaHectares, shimen.LeadingIndustry));
        Assert.Equal(["e01-huaxin-furniture"], shimen.Enterprises.Select(e => e.Id));
        Assert.Equal((ParkCategory.Upgrade, "石门街道"), (shimen.Category, shimen.Township));
        Assert.Single(shimen.Projects);
        Assert.Equal(40, outcome.Parks);
    }

    private IDbContextFactory<ParkDbContext> Factory() =>
        ParkDatabase.Factory(new ParkDatabaseOptions { ConnectionString = $"Data Source={Path.Combine(_directory, "parks.db")}" });

    private static async Task<int> Count(IDbContextFactory<ParkDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Audit.CountAsync();
    }
}

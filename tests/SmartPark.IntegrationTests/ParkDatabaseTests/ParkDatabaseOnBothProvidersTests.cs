using Microsoft.EntityFrameworkCore;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities;

namespace SmartPark.IntegrationTests.ParkDatabaseTests;

/// <summary>
/// The park database's save rules on a real SQLite file and a real PostgreSQL server: the same
/// migrations, versions, audit trail, registry revision and unique credit code on both.
/// </summary>
[Collection(ParkDatabasesCollection.Name)]
public sealed class ParkDatabaseOnBothProvidersTests(ParkDatabases databases)
{
    [Theory]
    [MemberData(nameof(ParkDatabases.Providers), MemberType = typeof(ParkDatabases))]
    public async Task The_migrations_apply_to_an_empty_database_and_leave_none_pending(string provider)
    {
        var factory = ParkDatabase.Factory(await databases.NewDatabaseAsync(provider));
        await using (var empty = await factory.CreateDbContextAsync())
            Assert.NotEmpty(await empty.Database.GetPendingMigrationsAsync());

        await ParkDatabase.MigrateAsync(factory);

        await using var db = await factory.CreateDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        // The seeded revision row is there, and every table answers.
        Assert.Equal(0, (await db.RegistryRevisions.SingleAsync()).Number);
        Assert.Equal(0, await db.Parks.CountAsync() + await db.Enterprises.CountAsync() + await db.Devices.CountAsync()
            + await db.MonitoringPoints.CountAsync() + await db.ServiceAccounts.CountAsync() + await db.Projects.CountAsync()
            + await db.Stages.CountAsync() + await db.Users.CountAsync() + await db.Audit.CountAsync());
    }

    [Theory]
    [MemberData(nameof(ParkDatabases.Providers), MemberType = typeof(ParkDatabases))]
    public async Task A_stale_edit_throws_and_the_other_persons_value_stays(string provider)
    {
        var factory = await databases.MigratedAsync(provider);
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Parks.Add(ParkRows.Park());
            db.Enterprises.Add(ParkRows.Enterprise("baiyun-shimen", "e-print"));
            await db.SaveChangesAsync();
        }
        await using var alice = await factory.CreateDbContextAsync();
        await using var bob = await factory.CreateDbContextAsync();
        var hers = await alice.Enterprises.SingleAsync();
        var his = await bob.Enterprises.SingleAsync();
        hers.FloorAreaM2 = 1500;
        await alice.SaveChangesAsync();
        his.FloorAreaM2 = 3000;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => bob.SaveChangesAsync());

        await using var check = await factory.CreateDbContextAsync();
        var enterprise = await check.Enterprises.SingleAsync();
        Assert.Equal((1500.0, 1L), (enterprise.FloorAreaM2, enterprise.Version));
        // Bob's failed save left no audit entry behind either.
        Assert.Equal(["created", "updated"], await check.Audit.Where(a => a.Entity == nameof(Enterprise)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(ParkDatabases.Providers), MemberType = typeof(ParkDatabases))]
    public async Task Creating_updating_and_deleting_are_audited_with_who_before_and_after(string provider)
    {
        var factory = await databases.MigratedAsync(provider);
        var before = DateTime.UtcNow.AddSeconds(-1);
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Actor = "alice";
            db.Parks.Add(ParkRows.Park());
            db.Enterprises.Add(ParkRows.Enterprise("baiyun-shimen", "e-print"));
            db.Devices.Add(ParkRows.Device("baiyun-shimen", "e-print", "d-voc"));
            await db.SaveChangesAsync();
        }
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Actor = "bob";
            var device = await db.Devices.SingleAsync();
            device.SensorsJson = """[{"id":"voc-2","quantities":["nmhc"]}]""";
            await db.SaveChangesAsync();
        }
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Actor = "import:parks.xlsx";
            db.Devices.Remove(await db.Devices.SingleAsync());
            await db.SaveChangesAsync();
        }

        await using var check = await factory.CreateDbContextAsync();
        var entries = await check.Audit.Where(a => a.Key == "device:d-voc").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["alice:created", "bob:updated", "import:parks.xlsx:deleted"], entries.Select(e => $"{e.Actor}:{e.Action}"));
        Assert.All(entries, e => Assert.Equal(("Device", "baiyun-shimen"), (e.Entity, e.ParkId)));
        Assert.Null(entries[0].Before);
        Assert.Contains("voc-1", entries[0].After);
        Assert.Contains("voc-1", entries[1].Before);
        Assert.Contains("voc-2", entries[1].After);
        Assert.Contains("\"Version\":1", entries[1].After);
        Assert.Contains("voc-2", entries[2].Before);
        Assert.Null(entries[2].After);
        // The time reads back as UTC on both providers, so comparisons and JSON are the same.
        Assert.All(entries, e =>
        {
            Assert.Equal(DateTimeKind.Utc, e.At.Kind);
            Assert.InRange(e.At, before, DateTime.UtcNow.AddSeconds(1));
        });
        // A park's history is one query on the park id.
        Assert.Equal(5, await check.Audit.CountAsync(a => a.ParkId == "baiyun-shimen"));
    }

    [Theory]
    [MemberData(nameof(ParkDatabases.Providers), MemberType = typeof(ParkDatabases))]
    public async Task The_registry_revision_moves_once_per_saving_transaction_with_two_editors_saving_at_once(string provider)
    {
        const int SavesEach = 8;
        var factory = await databases.MigratedAsync(provider);
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Parks.Add(ParkRows.Park());
            await db.SaveChangesAsync();
        }
        long start;
        await using (var db = await factory.CreateDbContextAsync())
            start = (await db.RegistryRevisions.SingleAsync()).Number;

        async Task Editor(string name)
        {
            for (var i = 0; i < SavesEach; i++)
            {
                await using var db = await factory.CreateDbContextAsync();
                db.Actor = name;
                // Two registry rows in one save: still one transaction, one step of the revision.
                db.Enterprises.Add(ParkRows.Enterprise("baiyun-shimen", $"e-{name}-{i}"));
                db.Devices.Add(ParkRows.Device("baiyun-shimen", $"e-{name}-{i}", $"d-{name}-{i}"));
                await db.SaveChangesAsync();
            }
        }
        await Task.WhenAll(Task.Run(() => Editor("alice")), Task.Run(() => Editor("bob")));

        await using var check = await factory.CreateDbContextAsync();
        Assert.Equal(start + 2 * SavesEach, (await check.RegistryRevisions.SingleAsync()).Number);
        Assert.Equal(2 * SavesEach, await check.Devices.CountAsync());

        // A save that touches no registry row (a project) leaves the revision where it is.
        check.Projects.Add(new RenovationProject { ParkId = "baiyun-shimen", NameZh = "提升改造", Kind = ParkData.Vocabulary.ParkCategory.All[0] });
        await check.SaveChangesAsync();
        await using var after = await factory.CreateDbContextAsync();
        Assert.Equal(start + 2 * SavesEach, (await after.RegistryRevisions.SingleAsync()).Number);
    }

    [Theory]
    [MemberData(nameof(ParkDatabases.Providers), MemberType = typeof(ParkDatabases))]
    public async Task A_credit_code_belongs_to_one_enterprise_and_enterprises_without_one_are_many(string provider)
    {
        var factory = await databases.MigratedAsync(provider);
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Parks.Add(ParkRows.Park());
            db.Enterprises.Add(ParkRows.Enterprise("baiyun-shimen", "e-first", ParkRows.CreditCode));
            db.Enterprises.Add(ParkRows.Enterprise("baiyun-shimen", "e-unknown-1"));
            db.Enterprises.Add(ParkRows.Enterprise("baiyun-shimen", "e-unknown-2"));
            await db.SaveChangesAsync();
        }
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Parks.Add(ParkRows.Park("baiyun-other"));
            db.Enterprises.Add(ParkRows.Enterprise("baiyun-other", "e-copy", ParkRows.CreditCode));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using var check = await factory.CreateDbContextAsync();
        // The whole failed save rolled back: neither its park nor its audit entries are there.
        Assert.Equal(["baiyun-shimen"], await check.Parks.Select(p => p.Id).ToListAsync());
        Assert.Equal(0, await check.Audit.CountAsync(a => a.ParkId == "baiyun-other"));
        Assert.Equal(3, await check.Enterprises.CountAsync());
    }
}

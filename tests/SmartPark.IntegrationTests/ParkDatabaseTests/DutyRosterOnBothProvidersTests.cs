using Microsoft.EntityFrameworkCore;
using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Registry.Duty;
using SmartPark.ParkData.Duty;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Registry;

namespace SmartPark.IntegrationTests.ParkDatabaseTests;

/// <summary>
/// A park's duty roster (the DutyRosters table, migration DutyRosters) on a real SQLite file and a
/// real PostgreSQL server: created at version 1, a stale save refused, each change audited under
/// the park and moving the registry revision, the registry read back with the chain notifications
/// follow, and the roster gone with its park.
/// </summary>
[Collection(ParkDatabasesCollection.Name)]
public sealed class DutyRosterOnBothProvidersTests(ParkDatabases databases)
{
    private static RegistryDuty Roster(params string[] order) => new()
    {
        Manager = "li",
        People =
        [
            new RegistryDutyPerson { Id = "zhang", Name = "张工", Phone = "+8613800000001" },
            new RegistryDutyPerson { Id = "wang", Name = "王工", Email = "wang@example.invalid" },
            new RegistryDutyPerson { Id = "li", Name = "李经理", Phone = "+8613800000003" },
        ],
        Shifts = [new RegistryDutyShift { Days = [DayOfWeek.Monday, DayOfWeek.Tuesday], From = new TimeOnly(22, 0), Until = new TimeOnly(6, 0), People = order }],
    };

    [Theory]
    [MemberData(nameof(ParkDatabases.Providers), MemberType = typeof(ParkDatabases))]
    public async Task A_roster_is_versioned_audited_moves_the_revision_reads_back_as_the_registry_and_goes_with_its_park(string provider)
    {
        var factory = await databases.MigratedAsync(provider);
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Parks.Add(ParkRows.Park());
            await db.SaveChangesAsync();
        }
        long start;
        await using (var db = await factory.CreateDbContextAsync())
        {
            start = (await db.RegistryRevisions.SingleAsync()).Number;
            db.Actor = "op-a";
            var row = new DutyRosterRow { ParkId = "baiyun-shimen" };
            DutyRosterRows.Write(row, Roster("zhang", "wang"));
            db.DutyRosters.Add(row);
            await db.SaveChangesAsync();
        }

        // Two editors load version 1; the first saves, the second's save is refused and leaves no trace.
        await using (var alice = await factory.CreateDbContextAsync())
        await using (var bob = await factory.CreateDbContextAsync())
        {
            var hers = await alice.DutyRosters.SingleAsync();
            var his = await bob.DutyRosters.SingleAsync();
            Assert.Equal(1L, hers.Version);
            alice.Actor = "district-baiyun";
            DutyRosterRows.Write(hers, Roster("wang", "zhang"));
            await alice.SaveChangesAsync();
            DutyRosterRows.Write(his, Roster("zhang"));
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => bob.SaveChangesAsync());
        }

        await using (var check = await factory.CreateDbContextAsync())
        {
            var row = await check.DutyRosters.AsNoTracking().SingleAsync();
            Assert.Equal(2L, row.Version);
            Assert.Equal(start + 2, (await check.RegistryRevisions.SingleAsync()).Number);
            var audit = await check.Audit.Where(a => a.Key == "duty:baiyun-shimen").OrderBy(a => a.Id).ToListAsync();
            Assert.Equal([("created", "op-a", "baiyun-shimen"), ("updated", "district-baiyun", "baiyun-shimen")], audit.Select(a => (a.Action, a.Actor, a.ParkId)));

            var (registry, problems) = await RegistryRows.ReadAsync(check);
            Assert.Empty(problems);
            var park = registry.Parks.Single();
            Assert.DoesNotContain(RegistryValidator.Validate(registry), e => e.Message.Contains("duty", StringComparison.Ordinal));
            // Tuesday 03:00 China time belongs to Monday's night shift: wang, zhang, then the manager.
            Assert.Equal(["wang", "zhang", "li"], DutyRoster.ChainAt(park.Duty, new DateTimeOffset(2026, 12, 8, 3, 0, 0, DutyRoster.ChinaOffset)).Select(p => p.Id));
        }

        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Parks.Remove(await db.Parks.SingleAsync());
            await db.SaveChangesAsync();
        }
        await using var after = await factory.CreateDbContextAsync();
        Assert.Empty(await after.DutyRosters.ToListAsync());
    }
}

using System.Text;
using SmartPark.Ingest.Notifications;

namespace SmartPark.UnitTests.Ingest;

public sealed class SinkOutboxTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bureau-outbox-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static byte[] Body(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task Only_the_oldest_notification_of_each_alert_is_offered()
    {
        await using var outbox = SinkOutbox.Open(_directory, "bureau");
        await outbox.AddAsync("a", "a:1", Body("a1"), 0, ReminderChange.None, default);
        await outbox.AddAsync("b", "b:1", Body("b1"), 0, ReminderChange.None, default);
        await outbox.AddAsync("a", "a:2", Body("a2"), 0, ReminderChange.None, default);

        var heads = await outbox.HeadsAsync(100, default);
        Assert.Equal(["a:1", "b:1"], heads.Select(h => h.IdempotencyKey).Order());
        await outbox.DeliveredAsync(heads.Single(h => h.AlertId == "a").Id, default);
        Assert.Equal(["a:2", "b:1"], (await outbox.HeadsAsync(100, default)).Select(h => h.IdempotencyKey).Order());
        Assert.Equal(2, outbox.Depth);
    }

    [Fact]
    public async Task A_repeated_key_is_stored_once()
    {
        await using var outbox = SinkOutbox.Open(_directory, "bureau");
        Assert.True(await outbox.AddAsync("a", "a:1", Body("a1"), 0, ReminderChange.None, default));
        Assert.False(await outbox.AddAsync("a", "a:1", Body("a1"), 0, ReminderChange.None, default));
        Assert.Equal(1, outbox.Depth);
    }

    [Fact]
    public async Task Notifications_attempts_and_reminders_survive_reopening()
    {
        await using (var outbox = SinkOutbox.Open(_directory, "bureau"))
        {
            await outbox.AddAsync("a", "a:1", Body("a1"), 0, new ReminderChange.Track("{}", 1_000), default);
            await outbox.AddAsync("a", "a:2", Body("a2"), 0, ReminderChange.None, default);
            var head = (await outbox.HeadsAsync(10, default)).Single();
            await outbox.FailedAsync(head.Id, 3, 5_000, "HTTP 503", default);
        }

        await using var reopened = SinkOutbox.Open(_directory, "bureau");
        Assert.Equal(2, reopened.Depth);
        var again = (await reopened.HeadsAsync(10, default)).Single();
        Assert.Equal(("a:1", 3, 5_000L), (again.IdempotencyKey, again.Attempts, again.NextAttemptMs));
        Assert.Equal(Body("a1"), again.Body);
        Assert.Single(await reopened.DueRemindersAsync(1_000, default));
    }

    [Fact]
    public async Task Reminder_moves_on_with_the_notification_it_stores_and_stops_when_told()
    {
        await using var outbox = SinkOutbox.Open(_directory, "bureau");
        await outbox.AddAsync("a", "a:1", Body("a1"), 0, new ReminderChange.Track("{}", 1_000), default);
        Assert.Empty(await outbox.DueRemindersAsync(999, default));
        var due = Assert.Single(await outbox.DueRemindersAsync(1_000, default));

        await outbox.AddReminderAsync(due, "a:1:reminder-1", Body("r1"), 1_000, 2_000, default);
        Assert.Empty(await outbox.DueRemindersAsync(1_999, default));
        Assert.Equal(1, Assert.Single(await outbox.DueRemindersAsync(2_000, default)).Count);

        await outbox.AddAsync("a", "a:2", Body("a2"), 0, ReminderChange.Stop, default);
        Assert.Equal(0, await outbox.RemindedAlertsAsync(default));
        Assert.Equal(3, outbox.Depth);
    }

    [Fact]
    public async Task An_added_notification_is_on_disk_before_the_call_returns()
    {
        // A crash image: copy the files while the outbox is still open (nothing closed or
        // checkpointed, as after SIGKILL) and open the copy.
        await using var outbox = SinkOutbox.Open(_directory, "bureau");
        await outbox.AddAsync("a", "a:1", Body("a1"), 0, ReminderChange.None, default);
        var image = Directory.CreateTempSubdirectory("bureau-crash-image-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(_directory))
                File.Copy(file, Path.Combine(image, Path.GetFileName(file)));
            await using var recovered = SinkOutbox.Open(image, "bureau");
            Assert.Equal("a:1", Assert.Single(await recovered.HeadsAsync(10, default)).IdempotencyKey);
        }
        finally
        {
            Directory.Delete(image, recursive: true);
        }
    }

    [Fact]
    public async Task A_repeated_transition_does_not_restart_its_reminders()
    {
        await using var outbox = SinkOutbox.Open(_directory, "bureau");
        await outbox.AddAsync("a", "a:1", Body("a1"), 0, new ReminderChange.Track("{}", 1_000), default);
        var due = Assert.Single(await outbox.DueRemindersAsync(1_000, default));
        await outbox.AddReminderAsync(due, "a:1:reminder-1", Body("r1"), 1_000, 2_000, default);

        Assert.False(await outbox.AddAsync("a", "a:1", Body("a1"), 0, new ReminderChange.Track("{}", 9_000), default));
        var after = Assert.Single(await outbox.DueRemindersAsync(2_000, default));
        Assert.Equal((1, 2_000L), (after.Count, after.NextDueMs));
    }
}

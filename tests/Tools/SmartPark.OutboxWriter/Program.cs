using System.Globalization;
using SmartPark.EdgeAgent.Outbox;
using SmartPark.OutboxWriter;

// SmartPark.OutboxWriter DB FIRST-ID
// Appends batches whose content is derived from a running id, and removes the oldest now and
// then as the publisher would after a PUBACK. Each line it prints is a promise the outbox made:
//   A id seq   append of batch `id` committed as `seq`
//   P seq      removal of `seq` about to start (it may or may not commit before a kill)
//   R seq      removal of `seq` committed
// The test SIGKILLs this process at a random moment and checks every promise on restart.
if (args.Length != 2 || !long.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
{
    Console.Error.WriteLine("usage: SmartPark.OutboxWriter DB FIRST-ID");
    return 2;
}

var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
await using var outbox = await SqliteOutbox.OpenAsync(args[0]);
output.WriteLine("READY");
while (true)
{
    var seq = await outbox.AppendAsync(BatchContent.For(id), 3, DateTimeOffset.UtcNow);
    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"A {id} {seq}"));
    id++;
    if (id % 7 == 0)
    {
        var oldest = await outbox.PeekAsync(2);
        foreach (var entry in oldest)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"P {entry.Seq}"));
        await outbox.RemoveAsync(oldest);
        foreach (var entry in oldest)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"R {entry.Seq}"));
    }
}

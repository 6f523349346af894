using FsCheck;
using FsCheck.Fluent;

namespace SmartPark.Fuzz;

/// <summary>
/// One property of one parser: a generator of inputs (structure-aware: valid values and valid
/// frames with mutations), a shrinker that makes a failing input smaller, and a check that
/// throws <see cref="PropertyViolation"/> (or anything unexpected) when the property does not hold.
/// </summary>
public abstract class FuzzProperty(string name)
{
    public string Name { get; } = name;

    /// <summary>Runs <paramref name="tests"/> cases from <paramref name="seed"/> with FsCheck (shrinking a failure).</summary>
    public abstract FuzzOutcome Run(ulong seed, int tests);

    public static FuzzProperty Of<T>(string name, Gen<T> inputs, Func<T, IEnumerable<T>> shrink, Action<T> check, Func<T, string> show) =>
        new Typed<T>(name, inputs, shrink, check, show);

    private sealed class Typed<T>(string name, Gen<T> inputs, Func<T, IEnumerable<T>> shrink, Action<T> check, Func<T, string> show) : FuzzProperty(name)
    {
        public override FuzzOutcome Run(ulong seed, int tests)
        {
            // FsCheck shrinks from the first failing input; the last input that failed is the
            // smallest it found. Both are kept so the report can show them in full (FsCheck's own
            // message abbreviates long values).
            string? first = null, last = null;
            Exception? lastError = null;
            var property = Prop.ForAll(Arb.From(inputs, shrink), input =>
            {
                try
                {
                    check(input);
                }
                catch (Exception ex)
                {
                    last = show(input);
                    first ??= last;
                    lastError = ex;
                    throw;
                }
            });
            var config = Config.QuickThrowOnFailure
                .WithMaxTest(tests)
                .WithEndSize(100)
                .WithQuietOnSuccess(true)
                .WithReplay(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL | 1), null))
                .WithName($"{Name}");
            try
            {
                Check.One(config, property);
                return FuzzOutcome.Passed(tests);
            }
            catch (Exception ex) when (first is not null)
            {
                return FuzzOutcome.Failed(tests, FirstLine(ex.Message), first, last!, lastError!);
            }
        }

        private static string FirstLine(string text)
        {
            var cut = text.IndexOf('\n', StringComparison.Ordinal);
            return (cut < 0 ? text : text[..cut]).Trim();
        }
    }
}

/// <summary>What one run of a property found.</summary>
public sealed record FuzzOutcome(int Tests, string? Summary, string? Original, string? Shrunk, Exception? Error)
{
    public bool Ok => Error is null;

    public static FuzzOutcome Passed(int tests) => new(tests, null, null, null, null);

    public static FuzzOutcome Failed(int tests, string summary, string original, string shrunk, Exception error) =>
        new(tests, summary, original, shrunk, error);
}

/// <summary>A property of a parser did not hold: the message says which and how.</summary>
public sealed class PropertyViolation(string message) : Exception(message);

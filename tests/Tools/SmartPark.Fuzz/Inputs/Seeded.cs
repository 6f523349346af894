using FsCheck;
using FsCheck.Fluent;

namespace SmartPark.Fuzz.Inputs;

/// <summary>
/// A generator written as plain code over a <see cref="System.Random"/> whose seed FsCheck draws, so
/// FsCheck's seed replays it exactly. Structure-aware generators (valid frames, then damage) are
/// far easier to write this way than as combinators.
/// </summary>
public static class Seeded
{
    public static Gen<T> Gen<T>(Func<Random, int, T> make) =>
        FsCheck.Fluent.Gen.Sized(size => FsCheck.Fluent.Gen.Choose(0, int.MaxValue).Select(seed => make(new Random(seed), size)));

    public static string Text(Random random, string alphabet, int min, int max)
    {
        var length = random.Next(min, max + 1);
        var text = new char[length];
        for (var i = 0; i < length; i++)
            text[i] = alphabet[random.Next(alphabet.Length)];
        return new string(text);
    }

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}

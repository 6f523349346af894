namespace SmartPark.Fuzz.Inputs;

/// <summary>Smaller candidates for a failing input: whole chunks cut out, halves first.</summary>
public static class Shrink
{
    public static IEnumerable<byte[]> Bytes(byte[] input)
    {
        for (var chunk = input.Length / 2; chunk >= 1; chunk /= 2)
        {
            for (var at = 0; at + chunk <= input.Length; at += chunk)
                yield return [.. input.AsSpan(0, at), .. input.AsSpan(at + chunk)];
        }
    }

    public static IEnumerable<string> Text(string input)
    {
        for (var chunk = input.Length / 2; chunk >= 1; chunk /= 2)
        {
            for (var at = 0; at + chunk <= input.Length; at += chunk)
                yield return string.Concat(input.AsSpan(0, at), input.AsSpan(at + chunk));
        }
    }

    public static IEnumerable<T> Nothing<T>(T input)
    {
        _ = input;
        return [];
    }
}

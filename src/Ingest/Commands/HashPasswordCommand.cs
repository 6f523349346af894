using System.Globalization;
using SmartPark.Contracts.Registry;

namespace SmartPark.Ingest.Commands;

/// <summary>
/// <c>hash-password [--iterations N]</c>: reads a password from standard input (first line) and
/// prints its <c>$7$</c> hash for the registry's <c>credential:</c>. The password never goes on
/// the command line, where shell history and <c>ps</c> would keep it.
/// </summary>
public static class HashPasswordCommand
{
    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var iterations = MosquittoPasswordHash.DefaultIterations;
        if (args is ["--iterations", var n])
        {
            if (!int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out iterations) || iterations < 1)
            {
                error.WriteLine("hash-password: --iterations must be a positive number");
                return 2;
            }
        }
        else if (args.Length > 0)
        {
            error.WriteLine("usage: hash-password [--iterations N]   (password on standard input)");
            return 2;
        }
        var password = input.ReadLine();
        if (string.IsNullOrEmpty(password))
        {
            error.WriteLine("hash-password: no password on standard input");
            return 2;
        }
        output.WriteLine(MosquittoPasswordHash.Create(password, iterations));
        return 0;
    }
}

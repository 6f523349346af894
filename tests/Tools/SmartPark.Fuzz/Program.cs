using System.Diagnostics;
using System.Globalization;
using SmartPark.Fuzz;

// ./smartpark fuzz [TARGET...] [--minutes N] [--seed S] [--property P] [--tests N] [--out DIR] [--list]
// Runs the parsers' properties with fresh random seeds, round-robin, until the time is up;
// prints progress; writes every failure (seed, replay command, full input, shrunk input) to DIR.
var names = new List<string>();
double minutes = 1;
ulong? seed = null;
string? onlyProperty = null;
int? tests = null;
string? inputFile = null;
string? aflTarget = null;
string? corpus = null;
var output = Path.Combine(Environment.CurrentDirectory, ".smartpark", "fuzz");
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--minutes": minutes = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--seed": seed = ulong.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--property": onlyProperty = args[++i]; break;
        case "--tests": tests = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--out": output = Path.GetFullPath(args[++i]); break;
        case "--input": inputFile = args[++i]; break;
        case "--afl": aflTarget = args[++i]; break;
        case "--corpus": corpus = args[++i]; break;
        case "--list":
            foreach (var t in FuzzTargets.All)
                Console.WriteLine($"{t.Name,-14} {t.Description}: {string.Join(", ", t.Properties.Select(p => p.Name))}");
            return 0;
        case "--help" or "-h":
            Console.WriteLine("usage: fuzz [TARGET...|all] [--minutes N] [--seed S --property P --tests N (replay one run)] [--input FILE (one target, raw bytes)] [--out DIR] [--list]");
            return 0;
        default: names.Add(args[i]); break;
    }
}

if (aflTarget is not null)
{
    var target = FuzzTargets.Find(aflTarget) ?? throw new ArgumentException($"no fuzz target '{aflTarget}' (--list names them)");
    if (corpus is not null)
        AflMode.WriteCorpus(target, corpus, 16);
    else
        AflMode.Run(target);
    return 0;
}

var targets = names.Count == 0 || names.Contains("all") ? FuzzTargets.All : names.Select(n => FuzzTargets.Find(n) ?? throw new ArgumentException($"no fuzz target '{n}' (--list names them)")).ToList();
var runs = targets.SelectMany(t => t.Properties.Where(p => onlyProperty is null || p.Name == onlyProperty).Select(p => (Target: t, Property: p))).ToList();
if (runs.Count == 0)
{
    Console.Error.WriteLine($"fuzz: no property '{onlyProperty}' in {string.Join(", ", targets.Select(t => t.Name))}");
    return 2;
}

// One input from a file (a saved failure, a corpus file): the target's check on raw bytes.
if (inputFile is not null)
{
    var target = targets.Count == 1 ? targets[0] : throw new ArgumentException("--input needs exactly one target");
    try
    {
        target.CheckBytes(File.ReadAllBytes(inputFile));
        Console.WriteLine($"{target.Name}: {inputFile}: ok");
        return 0;
    }
    catch (PropertyViolation ex)
    {
        Console.WriteLine($"{target.Name}: {inputFile}: FAILED: {ex.Message}");
        return 1;
    }
}

// Replay: one run of exactly the seed and count a failure report names.
if (seed is { } replaySeed && tests is { } replayTests)
{
    var failed = 0;
    foreach (var (target, property) in runs)
    {
        var outcome = property.Run(replaySeed, replayTests);
        Console.WriteLine($"{target.Name}/{property.Name} seed {replaySeed}: {(outcome.Ok ? $"{outcome.Tests} passed" : $"FAILED: {outcome.Error!.Message}\n  input: {outcome.Shrunk}")}");
        failed += outcome.Ok ? 0 : 1;
    }
    return failed == 0 ? 0 : 1;
}

const int Batch = 200;
var random = seed is { } s ? new Random(unchecked((int)s)) : new Random();
var deadline = Stopwatch.StartNew();
var budget = TimeSpan.FromMinutes(minutes);
var counts = runs.ToDictionary(r => r, _ => 0L);
var failures = runs.ToDictionary(r => r, _ => 0);
var lastReport = TimeSpan.Zero;
Console.WriteLine($"fuzz: {runs.Count} properties of {string.Join(", ", targets.Select(t => t.Name))} for {budget.TotalMinutes:0.#} min; failures go to {output}");
while (deadline.Elapsed < budget)
{
    foreach (var run in runs)
    {
        if (deadline.Elapsed >= budget)
            break;
        if (failures[run] >= 3)
            continue; // reported thrice already: the rest of the time goes to the others
        var runSeed = (ulong)random.NextInt64(long.MaxValue);
        var outcome = run.Property.Run(runSeed, Batch);
        counts[run] += outcome.Tests;
        if (!outcome.Ok)
        {
            failures[run]++;
            var file = Path.Combine(output, $"{run.Target.Name}.{run.Property.Name}.{runSeed}.txt");
            Directory.CreateDirectory(output);
            File.WriteAllText(file, $"""
                target:   {run.Target.Name}
                property: {run.Property.Name}
                seed:     {runSeed}
                replay:   ./smartpark fuzz {run.Target.Name} --property {run.Property.Name} --seed {runSeed} --tests {Batch}
                fscheck:  {outcome.Summary}
                failure:  {outcome.Error!.GetType().Name}: {outcome.Error.Message}

                smallest failing input:
                {outcome.Shrunk}

                first failing input:
                {outcome.Original}

                """);
            Console.WriteLine($"FAIL {run.Target.Name}/{run.Property.Name} (seed {runSeed}): {FirstLine(outcome.Error.Message)}\n     saved {file}");
        }
    }
    if (deadline.Elapsed - lastReport >= TimeSpan.FromSeconds(15))
    {
        lastReport = deadline.Elapsed;
        Report();
    }
}
Report();
var total = failures.Values.Sum();
Console.WriteLine(total == 0 ? "fuzz: no failures" : $"fuzz: {total} failing run(s); see {output}");
return total == 0 ? 0 : 1;

void Report()
{
    Console.WriteLine($"[{deadline.Elapsed:mm\\:ss}]");
    foreach (var group in runs.GroupBy(r => r.Target))
        Console.WriteLine($"  {group.Key.Name,-14} {group.Sum(r => counts[r]),10:N0} cases  {group.Sum(r => failures[r])} failing  ({string.Join(", ", group.Select(r => $"{r.Property.Name} {counts[r]:N0}"))})");
}

static string FirstLine(string text) => text.Split('\n')[0].Trim();

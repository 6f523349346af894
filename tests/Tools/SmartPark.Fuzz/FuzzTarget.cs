namespace SmartPark.Fuzz;

/// <summary>A parser under fuzzing and its properties.</summary>
public abstract class FuzzTarget
{
    /// <summary>The name used on the command line (<c>./smartpark fuzz NAME</c>).</summary>
    public abstract string Name { get; }

    public abstract string Description { get; }

    public abstract IReadOnlyList<FuzzProperty> Properties { get; }

    /// <summary>
    /// The robustness check on raw bytes (a file, or a coverage-guided fuzzer's input): throws
    /// <see cref="PropertyViolation"/> when the parser misbehaves on them.
    /// </summary>
    public abstract void CheckBytes(byte[] input);

    /// <summary>A valid input for <see cref="CheckBytes"/>: the seed corpus of a coverage-guided run.</summary>
    public abstract byte[] Sample(System.Random random);

    public FuzzProperty Property(string name) =>
        Properties.FirstOrDefault(p => p.Name == name) ?? throw new ArgumentException($"{Name} has no property '{name}'", nameof(name));
}

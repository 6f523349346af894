using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SmartPark.Contracts.Registry;

/// <summary>
/// The YAML parser the registry is read through, with the two limits YamlDotNet's tree builder
/// lacks (both found by fuzzing): nesting deeper than <see cref="MaxDepth"/> is refused before
/// the builder's recursion overflows the stack (50,000 '[' killed the process), and aliases
/// (<c>*name</c>) are refused, since each one is walked again in full by the reader: a 1.5 KB file
/// of nested aliases took 14 s and 1.3 GB, a 4 KB one all the memory there is. A registry needs
/// neither: it is a few levels deep and every entry is written out.
/// </summary>
internal sealed class BoundedYamlParser(IParser inner) : IParser
{
    /// <summary>A registry nests about ten levels (parks, enterprises, devices, sensors, quantities).</summary>
    public const int MaxDepth = 64;

    private int _depth;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
            return false;
        switch (inner.Current)
        {
            case AnchorAlias alias:
                throw new YamlException(alias.Start, alias.End, $"the alias *{alias.Value} is not allowed in a registry: write the entry out in full");
            case SequenceStart or MappingStart when ++_depth > MaxDepth:
                throw new YamlException(inner.Current.Start, inner.Current.End, $"nesting is deeper than {MaxDepth} levels");
            case SequenceEnd or MappingEnd:
                _depth--;
                break;
        }
        return true;
    }
}

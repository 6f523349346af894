using SmartPark.ParkData.Entities;

namespace SmartPark.ParkData.RegistryFile;

/// <summary>
/// Turns a registry file's <c>district</c> text into a <see cref="Jurisdiction"/>: its id, English
/// or Chinese name, in any case (<c>Baiyun</c>, <c>baiyun</c>, <c>白云区</c> all name <c>baiyun</c>);
/// a Chinese name may leave off its 区, 县 or 市 (<c>白云</c>). The export writes the English name.
/// </summary>
public sealed class DistrictNames
{
    private readonly Dictionary<string, Jurisdiction> _byName = new(StringComparer.OrdinalIgnoreCase);

    public DistrictNames(IEnumerable<Jurisdiction> jurisdictions)
    {
        foreach (var jurisdiction in jurisdictions.OrderBy(j => j.Id, StringComparer.Ordinal))
        {
            _byName.TryAdd(jurisdiction.Id, jurisdiction);
            _byName.TryAdd(jurisdiction.NameEn, jurisdiction);
            _byName.TryAdd(jurisdiction.NameZh, jurisdiction);
            if (jurisdiction.NameZh.Length > 2 && jurisdiction.NameZh[^1] is '区' or '县' or '市')
                _byName.TryAdd(jurisdiction.NameZh[..^1], jurisdiction);
        }
        Known = _byName.Values.Distinct().Select(j => j.NameEn).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The English names, for a message that lists what would have been understood.</summary>
    public IReadOnlyList<string> Known { get; }

    public Jurisdiction? Find(string text) => _byName.GetValueOrDefault(text.Trim());
}

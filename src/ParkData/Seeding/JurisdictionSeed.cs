using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartPark.ParkData.Entities;

namespace SmartPark.ParkData.Seeding;

/// <summary>
/// The jurisdictions SmartPark knows out of the box: the ten Guangzhou districts the plan lists with the plan's
/// village industrial land and renovation target (docs/reference/guangzhou-districts.csv, embedded
/// here as it is), and Qingyuan's counties with its 2 ha contiguity rule. Added when missing, never
/// overwritten: a district's own edits win.
/// </summary>
public static class JurisdictionSeed
{
    public static IReadOnlyList<Jurisdiction> All() => [.. Guangzhou(), .. Qingyuan()];

    public static async Task<int> EnsureAsync(ParkDbContext db, CancellationToken cancellationToken = default)
    {
        var known = await db.Jurisdictions.Select(j => j.Id).ToListAsync(cancellationToken);
        var missing = All().Where(j => !known.Contains(j.Id)).ToList();
        if (missing.Count == 0)
            return 0;
        db.Jurisdictions.AddRange(missing);
        await db.SaveChangesAsync(cancellationToken);
        return missing.Count;
    }

    private static IEnumerable<Jurisdiction> Guangzhou()
    {
        using var stream = typeof(JurisdictionSeed).Assembly.GetManifestResourceStream("guangzhou-districts.csv")
            ?? throw new InvalidOperationException("guangzhou-districts.csv is not embedded");
        using var reader = new StreamReader(stream);
        reader.ReadLine(); // district_zh,district_en,village_industrial_land_km2,renovation_target_2019_2021_km2
        var rows = new List<Jurisdiction>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var cells = line.Split(',');
            rows.Add(new Jurisdiction
            {
                Id = cells[1].Trim().ToLowerInvariant(),
                CityId = "guangzhou",
                NameZh = cells[0].Trim(),
                NameEn = cells[1].Trim(),
                CityNameZh = "广州市",
                CityNameEn = "Guangzhou",
                VillageIndustrialLandKm2 = double.Parse(cells[2], CultureInfo.InvariantCulture),
                RenovationTargetKm2 = double.Parse(cells[3], CultureInfo.InvariantCulture),
            });
        }
        return rows;
    }

    /// <summary>Qingyuan's plan sets no per-county area table; it counts as a park only contiguous industrial land of at least 2 ha.</summary>
    private static IEnumerable<Jurisdiction> Qingyuan() =>
        new (string Id, string Zh, string En)[]
        {
            ("qingcheng", "清城区", "Qingcheng"), ("qingxin", "清新区", "Qingxin"), ("yingde", "英德市", "Yingde"),
            ("lianzhou", "连州市", "Lianzhou"), ("fogang", "佛冈县", "Fogang"), ("yangshan", "阳山县", "Yangshan"),
            ("lianshan", "连山壮族瑶族自治县", "Lianshan"), ("liannan", "连南瑶族自治县", "Liannan"),
        }.Select(c => new Jurisdiction
        {
            Id = c.Id,
            CityId = "qingyuan",
            NameZh = c.Zh,
            NameEn = c.En,
            CityNameZh = "清远市",
            CityNameEn = "Qingyuan",
            MinimumParkHectares = 2,
        });
}

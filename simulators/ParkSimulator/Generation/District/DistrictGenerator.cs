using System.Globalization;
using SmartPark.EdgeAgent.Drivers.Simulated;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Validation;
using SmartPark.ParkData.Vocabulary;

namespace SmartPark.Simulator.Generation.District;

/// <summary>Parameters of a generated district.</summary>
public sealed record DistrictOptions
{
    public required string DistrictId { get; init; }
    public int Parks { get; init; } = 40;
    public int Seed { get; init; } = 1;

    /// <summary>The day stages are judged against: planned dates before it and not done are overdue.</summary>
    public required DateOnly Today { get; init; }

    /// <summary>
    /// Parks that devices report for (the demo's <c>baiyun-shimen</c>): generated with these ids and
    /// no enterprises, since their enterprises and devices come from the registry.
    /// </summary>
    public IReadOnlyList<string> LiveParks { get; init; } = [];
}

/// <summary>
/// Builds a district's parks as the park database holds them, from a seed: names in Chinese and
/// English, township and village collective, coordinates inside the district, land facts, the
/// programme's category, batch and decision date, enterprises with valid credit codes and
/// discharge permits, and one renovation project per classified park whose stages are done, on
/// time or overdue against <see cref="DistrictOptions.Today"/>. The park areas are scaled to the
/// district's renovation target, so what is renovated is a believable share of it. The same
/// options give the same rows.
/// </summary>
public static class DistrictGenerator
{
    /// <summary>Share of the parks not yet classified by the programme (the district view counts them apart).</summary>
    private const double UnclassifiedShare = 0.05;

    /// <summary>Category shares of the classified parks: most are upgraded in place, as in the plans.</summary>
    private static readonly (string Category, double Share)[] CategoryShares =
        [(ParkCategory.Upgrade, 0.45), (ParkCategory.Convert, 0.2), (ParkCategory.Eliminate, 0.2), (ParkCategory.Relocate, 0.15)];

    public static IReadOnlyList<Park> Generate(DistrictOptions options, Jurisdiction district)
    {
        var place = DistrictAtlas.Find(district.Id)
            ?? throw new ArgumentException($"no map extent for district '{district.Id}' (known: {string.Join(", ", DistrictAtlas.Guangzhou.Select(d => d.Id))})");
        if (options.Parks is < 4 or > 500)
            throw new ArgumentException("--parks must be 4 to 500 (every category needs a park)");
        var random = new SeededNoise(SeededNoise.SeedFor(options.Seed, "district", district.Id));
        var batches = BatchDates(options.Today);
        var categories = Categories(options.Parks, options.LiveParks.Count, random);

        // Scale park sizes to the programme: the classified parks together cover about the target,
        // so the share finished reads as the district's progress towards it.
        var targetHectares = (district.RenovationTargetKm2 ?? 2) * 100;
        var meanHectares = Math.Max(0.8, targetHectares * 0.9 / options.Parks);

        var villages = new Queue<PlaceName>(Shuffle(DistrictAtlas.Villages.Where(v => !options.LiveParks.Any(l => l.EndsWith("-" + v.En.ToLowerInvariant(), StringComparison.Ordinal))).ToList(), random));
        var credit = new CreditCodes(place.DivisionCode, random);
        var brands = Shuffle(DistrictAtlas.Brands.SelectMany(b => IndustryProfiles.All.Select(p => (Brand: b, Profile: p))).ToList(), random);
        var nextBrand = 0;
        var parks = new List<Park>();
        for (var i = 0; i < options.Parks; i++)
        {
            var live = i < options.LiveParks.Count ? options.LiveParks[i] : null;
            var village = live is not null ? VillageOf(live) : villages.Count > 0 ? villages.Dequeue() : new PlaceName($"第{i + 1}", $"No {i + 1}");
            var township = place.Townships[(int)(random.Uniform() * place.Townships.Count)];
            // A live park keeps the name the registry gives it (石门村工业园) and lies in its namesake subdistrict when there is one.
            if (live is not null)
                township = place.Townships.FirstOrDefault(t => t.En == village.En) ?? township;
            var category = categories[i];
            var batch = category is null ? (int?)null : live is not null ? 1 : 1 + (int)(random.Uniform() * 3);
            var (kindZh, kindEn) = ParkWord(random);
            if (live is not null)
                (kindZh, kindEn) = ("工业园", "Industrial Park");
            var park = new Park
            {
                Id = live ?? UniqueId($"{district.Id}-{Slug(village.En)}", parks),
                NameZh = $"{village.Zh}村{kindZh}",
                NameEn = $"{village.En} Village {kindEn}",
                DistrictId = district.Id,
                Township = township.Zh,
                VillageCollective = $"{township.Zh}{village.Zh}村股份经济合作社",
                Address = string.Create(CultureInfo.InvariantCulture, $"{district.CityNameZh}{district.NameZh}{township.Zh}{village.Zh}村工业路{1 + (int)(random.Uniform() * 88)}号"),
                Latitude = Math.Round(place.Latitude + random.Uniform(-place.HalfLatitude, place.HalfLatitude), 5),
                Longitude = Math.Round(place.Longitude + random.Uniform(-place.HalfLongitude, place.HalfLongitude), 5),
                LandAreaHectares = Math.Round(meanHectares * random.Uniform(0.3, 1.7), 1),
                LandOwnership = random.Chance(0.8) ? LandOwnership.Collective : LandOwnership.StateUsedByCollective,
                InSanjiuMap = random.Chance(category == ParkCategory.Convert ? 0.9 : 0.55),
                LeadingIndustry = "",
                Category = category,
                Batch = batch,
                DecisionDate = batch is { } b ? batches[b - 1] : null,
            };
            Procedures(park, random);
            if (category == ParkCategory.Upgrade && random.Chance(0.5))
                park.IndustrialBlock = string.Create(CultureInfo.InvariantCulture, $"{district.NameZh}工业产业区块{1 + (int)(random.Uniform() * 30):00}");
            if (live is null)
            {
                var count = 2 + (int)(random.Uniform() * 5);
                for (var e = 0; e < count; e++)
                    park.Enterprises.Add(Enterprise(park, e, brands[nextBrand++ % brands.Count], credit, options.Today, random));
            }
            park.LeadingIndustry = park.Enterprises.Count == 0
                ? "furniture_painting"
                : park.Enterprises.GroupBy(e => e.Industry).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
            if (category is not null)
                park.Projects.Add(ProjectSchedule.Build(park, options.Today, live is not null, random));
            parks.Add(park);
        }
        ProjectSchedule.EnsureSomeOverdue(parks, options.Today);
        foreach (var park in parks)
            ProjectSchedule.SetEnterpriseStatuses(park);
        return parks;
    }

    /// <summary>The village a live park's id names (<c>baiyun-shimen</c> → 石门), or the id itself.</summary>
    private static PlaceName VillageOf(string parkId)
    {
        var tail = parkId[(parkId.IndexOf('-', StringComparison.Ordinal) + 1)..];
        return DistrictAtlas.Villages.FirstOrDefault(v => Slug(v.En) == tail) ?? new PlaceName(tail, CultureInfo.InvariantCulture.TextInfo.ToTitleCase(tail));
    }

    /// <summary>
    /// One category per park: every category at least once, the rest by share, a few unclassified.
    /// Live parks come first and are being upgraded (they are the ones the programme put sensors in).
    /// </summary>
    private static List<string?> Categories(int parks, int live, SeededNoise random)
    {
        var unclassified = Math.Max(1, (int)Math.Round(parks * UnclassifiedShare));
        var classified = parks - unclassified - live;
        var list = new List<string?>();
        foreach (var (category, share) in CategoryShares)
            list.AddRange(Enumerable.Repeat<string?>(category, Math.Max(1, (int)Math.Round(classified * share))));
        while (list.Count > classified && list.Count(c => c == ParkCategory.Upgrade) > 1)
            list.Remove(ParkCategory.Upgrade);
        while (list.Count < classified)
            list.Add(ParkCategory.Upgrade);
        list.AddRange(Enumerable.Repeat<string?>(null, parks - live - list.Count));
        return [.. Enumerable.Repeat<string?>(ParkCategory.Upgrade, live), .. Shuffle(list, random)];
    }

    /// <summary>One publication date per batch: about 2½, 1½ and ½ years before today, on the 15th.</summary>
    private static DateOnly[] BatchDates(DateOnly today) =>
        [.. new[] { -30, -18, -6 }.Select(months => { var d = today.AddMonths(months); return new DateOnly(d.Year, d.Month, 15); })];

    private static (string Zh, string En) ParkWord(SeededNoise random) => (int)(random.Uniform() * 3) switch
    {
        0 => ("工业园", "Industrial Park"),
        1 => ("工业区", "Industrial Zone"),
        _ => ("产业园", "Industry Park"),
    };

    /// <summary>Procedures follow the decision: parks to be shut down mostly lack them, upgraded ones mostly have them.</summary>
    private static void Procedures(Park park, SeededNoise random)
    {
        var complete = park.Category switch
        {
            ParkCategory.Upgrade => 0.6,
            ParkCategory.Convert => 0.45,
            ParkCategory.Relocate => 0.3,
            ParkCategory.Eliminate => 0.1,
            _ => 0.3,
        };
        string Draw()
        {
            var draw = random.Uniform();
            return draw < complete ? ProcedureStatus.Complete
                : draw < complete + 0.15 ? ProcedureStatus.InProgress
                : draw < complete + 0.35 ? ProcedureStatus.Partial
                : ProcedureStatus.Missing;
        }
        park.LandProcedures = Draw();
        park.PlanningStatus = Draw();
        park.EnvironmentalAssessmentStatus = Draw();
    }

    private static Enterprise Enterprise(Park park, int index, (PlaceName Brand, IndustryProfile Profile) name, CreditCodes credit, DateOnly today, SeededNoise random)
    {
        var word = DistrictAtlas.IndustryWord(name.Profile.Industry);
        var land = Math.Round(park.LandAreaHectares * 1_000 * random.Uniform(0.05, 0.2)) * 10;
        var code = credit.Next();
        // Emitting industries hold a discharge permit (排污许可证: the credit code, a serial and P);
        // the others only register, and have no number.
        var emits = name.Profile.Industry is "furniture_painting" or "printing" or "plastics_rubber";
        return new Enterprise
        {
            ParkId = park.Id,
            Id = string.Create(CultureInfo.InvariantCulture, $"e{index + 1:00}-{Slug(name.Brand.En)}-{name.Profile.Short}"),
            NameZh = $"广州市{name.Brand.Zh}{word.Zh}有限公司",
            NameEn = $"Guangzhou {name.Brand.En} {word.En} Co., Ltd.",
            CreditCode = code,
            Industry = name.Profile.Industry,
            LandAreaM2 = land,
            FloorAreaM2 = Math.Round(land * random.Uniform(0.08, 0.18)) * 10,
            ContactName = Surnames[(int)(random.Uniform() * Surnames.Length)] + (random.Chance(0.7) ? "先生" : "女士"),
            DischargePermitNumber = emits ? code + "001P" : null,
            // Five-year permits issued over the last five years: some run out within weeks (the expiry alert's case).
            DischargePermitExpiry = emits ? today.AddDays((int)random.Uniform(-20, 5 * 365)) : null,
        };
    }

    private static readonly string[] Surnames = ["陈", "李", "黄", "张", "梁", "林", "刘", "何", "罗", "钟", "郭", "谢"];

    private static string UniqueId(string id, List<Park> parks)
    {
        var candidate = id;
        for (var n = 2; parks.Any(p => p.Id == candidate); n++)
            candidate = string.Create(CultureInfo.InvariantCulture, $"{id}-{n}");
        return candidate;
    }

    private static string Slug(string text) => new([.. text.ToLowerInvariant().Where(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))]);

    internal static List<T> Shuffle<T>(List<T> items, SeededNoise random)
    {
        var list = new List<T>(items);
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = (int)(random.Uniform() * (i + 1));
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }

    /// <summary>
    /// Unified social credit codes of enterprises registered in the district: 9 (market regulator),
    /// 1 (company), the division code, a 9-character organisation code whose last character is its
    /// GB 11714 check, and the GB 32100 check character. Unique within the district.
    /// </summary>
    private sealed class CreditCodes(string divisionCode, SeededNoise random)
    {
        private readonly HashSet<string> _issued = [];

        public string Next()
        {
            while (true)
            {
                var body = string.Concat(Enumerable.Range(0, 8).Select(_ => (char)('0' + (int)(random.Uniform() * 10))));
                var organisation = body + OrganisationCheck(body);
                var first17 = "91" + divisionCode + organisation;
                var code = first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
                if (_issued.Add(code))
                    return code;
            }
        }

        /// <summary>GB 11714's check over 8 digits: weights 3,7,9,10,5,8,4,2; 10 is X, 11 is 0.</summary>
        private static char OrganisationCheck(string digits)
        {
            int[] weights = [3, 7, 9, 10, 5, 8, 4, 2];
            var sum = 0;
            for (var i = 0; i < 8; i++)
                sum += (digits[i] - '0') * weights[i];
            var check = 11 - (sum % 11);
            return check switch { 10 => 'X', 11 => '0', _ => (char)('0' + check) };
        }
    }
}

using SmartPark.Contracts.Registry;
using SmartPark.ParkData.Validation;

namespace SmartPark.UnitTests.ParkData.RegistryFile;

/// <summary>A registry with every supervision key (park, projects and stages, enterprise), and a plain second park.</summary>
internal static class SupervisionRegistryYaml
{
    /// <summary>Hashing is slow on purpose; one hash (of "pw") serves every account here.</summary>
    public static readonly string Hash = MosquittoPasswordHash.Create("pw", iterations: 10);

    public static string CreditCode(string first17) => first17 + UnifiedSocialCreditCode.CheckCharacter(first17);

    public static readonly string HuaxinCode = CreditCode("91440111MA59AB1C2");

    public static string Full => $$"""
        parks:
          - id: p-full
            name: 石门村工业园
            nameEn: Shimen Village Industrial Park
            district: 白云区
            areaHectares: 18.6
            leadingIndustry: furniture
            township: 钟落潭镇
            villageCollective: 石门村经济合作社
            address: 白云区钟落潭镇石门村
            latitude: 23.3912
            longitude: 113.4021
            landOwnership: state_used_by_collective
            landProcedures: partial
            inSanjiuMap: true
            industrialBlock: 钟落潭工业区块
            planningStatus: complete
            environmentalAssessmentStatus: in_progress
            category: upgrade
            batch: 2
            decisionDate: 2025-03-18
            projects:
              - name: 石门园改造提升一期
                nameEn: Shimen upgrade, phase 1
                kind: upgrade
                areaHectares: 9.3
                plannedInvestment: 12000
                actualInvestment: 4500.5
                stages:
                  - { kind: approval, planned: 2025-04-01, actual: 2025-03-28 }
                  - { kind: design, planned: 2025-07-01, actual: 2025-08-15, note: "规划调整: 退让红线" }
                  - { kind: construction, planned: 2026-06-30 }
              - name: 东区关停
                kind: eliminate
                areaHectares: 2.1
                stages:
                  - { kind: closure_decision, planned: 2025-05-01, actual: 2025-05-01 }
                  - { kind: site_cleared, planned: 2026-12-31 }
            enterprises:
              - id: e1
                name: 华鑫家具
                nameEn: Huaxin Furniture
                industry: furniture_painting
                floorArea: 12000
                status: upgraded
                plan: { x: 10, y: 10, width: 120, height: 80 }
                creditCode: {{HuaxinCode}}
                landArea: 8000
                contactName: 李明
                contactPhone: '13800000000'
                dischargePermit: { number: 91440111MA59AB1C2001V, expiry: 2027-06-30 }
                devices:
                  - id: d-full-1
                    credential: {{Hash}}
                    sensors:
                      - { id: meter-1, quantities: [power, energy] }
                      - { id: voc-1, quantity: nmhc }
                monitoringPoints:
                  - mn: 4401110001000000000E0001
                    pw: '123456'
                    st: 27
                    name: 喷涂废气
                    device: d-full-1
                    sensor: voc-1
                    platform: { host: 127.0.0.1, port: 9212 }
                    pollutants: { nmhc: a24088 }
                    version: 2025
                    ack: false
                    rtdInterval: 60
                    minInterval: 5
          - id: p-plain
            name: Plain park
            district: qingcheng
            areaHectares: 3
            leadingIndustry: testing
            enterprises:
              - id: e1
                name: Plain
                industry: testing
                floorArea: 100
                status: operating
                devices:
                  - id: d-plain-1
                    credential: {{Hash}}
                    sensors:
                      - { id: t-1, quantity: temperature }
        services:
          - id: ingest
            role: ingest
            credential: {{Hash}}

        """;

    /// <summary>The 1-based line of the first line of <paramref name="yaml"/> that contains <paramref name="text"/>.</summary>
    public static int LineOf(string yaml, string text)
    {
        var lines = yaml.Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        return index >= 0 ? index + 1 : throw new ArgumentException($"'{text}' is not in the YAML");
    }
}

namespace SmartPark.Hj212;

/// <summary>The standard version in the Flag bits V5..V0 (2005 = 0, 2017 = 1, 2025 = 2).
/// HJ 212-2025 keeps the 2017 framing and CRC; only these bits differ.</summary>
public enum Hj212Version
{
    V2005 = 0,
    V2017 = 1,
    V2025 = 2,
}

namespace SmartPark.Contracts.Topics;

/// <summary>Where a device sits: the three id levels every device topic carries.</summary>
public readonly record struct DeviceAddress(string Park, string Enterprise, string Device)
{
    public bool IsValid => Ids.IsValid(Park) && Ids.IsValid(Enterprise) && Ids.IsValid(Device);

    public override string ToString() => $"{Park}/{Enterprise}/{Device}";
}

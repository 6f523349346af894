namespace SmartPark.EdgeAgent.Drivers.Settings;

/// <summary>What a setting's text must read as (see <see cref="Configuration.SettingText"/>).</summary>
public enum SettingKind
{
    /// <summary>A finite invariant-culture number: <c>0.1</c>, not <c>0,1</c>.</summary>
    Number,

    /// <summary>A whole number, decimal or <c>0x</c> hexadecimal.</summary>
    Integer,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Flag,

    /// <summary>Free text (a device file, a host); <see cref="SettingSpec.Check"/> may restrict it.</summary>
    Text,
}

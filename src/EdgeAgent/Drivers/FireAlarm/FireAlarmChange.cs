namespace SmartPark.EdgeAgent.Drivers.FireAlarm;

/// <summary>What the local alarm did, for the log and for publishing the event at once.</summary>
/// <param name="At">When the poll saw it.</param>
/// <param name="Alarming">A detector or heat sensor is in alarm.</param>
/// <param name="Silenced">The silence button muted the buzzer for the current sources.</param>
/// <param name="Sources">Sensor ids in alarm now.</param>
public sealed record FireAlarmChange(DateTimeOffset At, bool Alarming, bool Silenced, IReadOnlyList<string> Sources);

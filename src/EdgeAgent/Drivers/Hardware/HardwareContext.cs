using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.FireAlarm;
using SmartPark.EdgeAgent.Drivers.GpioDetector;

namespace SmartPark.EdgeAgent.Drivers.Hardware;

/// <summary>
/// What real drivers share in one agent: the buses, the local fire alarm that owns the detector
/// inputs, the clock for retry backoff, the loggers, and the folder where a driver keeps state
/// that must outlive the process (a pulse meter's count).
/// </summary>
public sealed class HardwareContext(IHardware hardware, LocalFireAlarm alarm, FireAlarmOptions alarmOptions, TimeProvider time, ILoggerFactory loggers,
    string? stateFolder = null)
{
    public IHardware Hardware { get; } = hardware;

    public LocalFireAlarm FireAlarm { get; } = alarm;

    public FireAlarmOptions FireAlarmOptions { get; } = alarmOptions;

    public TimeProvider Time { get; } = time;

    public ILoggerFactory Loggers { get; } = loggers;

    /// <summary>
    /// The agent's data folder: the outbox's. A driver's durable state lives next to the outbox
    /// because that folder is the one the installation keeps writable and persistent
    /// (<c>/var/lib/smartpark-edgeagent</c>, the unit's StateDirectory). Null where nothing may be written (a configuration check).
    /// </summary>
    public string? StateFolder { get; } = stateFolder;

    /// <summary>
    /// Builds the context for an agent's options: the alarm gets every <c>gpio-smoke</c> and
    /// <c>gpio-flame</c> sensor as an input. Bad detector settings throw here, at start-up.
    /// </summary>
    public static HardwareContext For(AgentOptions options, IHardware hardware, TimeProvider time, ILoggerFactory loggers)
    {
        var alarmOptions = options.FireAlarm ?? new FireAlarmOptions();
        var detectors = options.Sensors
            .Where(s => s.Driver is GpioDetectorDriver.SmokeDriver or GpioDetectorDriver.FlameDriver)
            .Select(FireDetectorInput.From)
            .ToList();
        var alarm = new LocalFireAlarm(alarmOptions, detectors, hardware, time, loggers.CreateLogger<LocalFireAlarm>());
        return new HardwareContext(hardware, alarm, alarmOptions, time, loggers, Path.GetDirectoryName(Path.GetFullPath(options.OutboxPath)));
    }

    /// <summary>True when the alarm has something to watch or drive, so its loop is worth running.</summary>
    public bool FireAlarmInUse =>
        FireAlarm.SourceSensorIds.Any() || FireAlarmOptions.BuzzerPin is not null || FireAlarmOptions.RelayPin is not null;
}

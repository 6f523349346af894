namespace SmartPark.Simulator.Scenarios;

/// <summary>
/// Simulated time for a scenario: <c>sim = SimStart + (wall − WallStart) × Speed</c>. Given to the
/// virtual devices as their <see cref="TimeProvider"/>, it timestamps readings in simulated time
/// and shrinks their sampling timers by the speed, so a 60 s interval at speed 240 fires every
/// 250 ms of wall time.
/// </summary>
public sealed class SimulatedClock : TimeProvider
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>
    /// How far behind the wall clock an accelerated run's readings stay, at least. Ingest judges
    /// window rules on reading time when a batch arrives and on its own clock when it ticks; a
    /// run that stays more than the longest window (1 h) behind leaves the tick with no readings
    /// to judge, so only reading time decides (see simulators/README.md "Time").
    /// </summary>
    public static readonly TimeSpan AcceleratedLag = TimeSpan.FromMinutes(65);

    private readonly TimeProvider _wall;

    public SimulatedClock(double speed, DateTimeOffset simStart, DateTimeOffset wallStart, TimeProvider? wall = null)
    {
        Speed = speed;
        SimStart = simStart;
        WallStart = wallStart;
        _wall = wall ?? System;
    }

    public double Speed { get; }
    public DateTimeOffset SimStart { get; }
    public DateTimeOffset WallStart { get; }

    /// <summary>
    /// Real time runs now. An accelerated run starts on the most recent Monday–Saturday at
    /// <paramref name="timeOfDay"/> (China time) early enough that its whole length ends
    /// <see cref="AcceleratedLag"/> before the wall clock: readings are never in the future.
    /// </summary>
    public static SimulatedClock For(double speed, TimeSpan? timeOfDay, TimeSpan duration, DateTimeOffset wallNow, TimeProvider? wall = null)
    {
        if (speed <= 1)
            return new SimulatedClock(1, wallNow, wallNow, wall);
        var latestStart = wallNow - AcceleratedLag - duration;
        var local = latestStart.ToOffset(ChinaOffset);
        var tod = timeOfDay ?? local.TimeOfDay;
        var start = new DateTimeOffset(local.Date + tod, ChinaOffset);
        if (start > latestStart)
            start = start.AddDays(-1);
        while (start.DayOfWeek == DayOfWeek.Sunday)
            start = start.AddDays(-1);
        return new SimulatedClock(speed, start.ToUniversalTime(), wallNow, wall);
    }

    public override DateTimeOffset GetUtcNow() => ToSim(_wall.GetUtcNow());

    public DateTimeOffset ToSim(DateTimeOffset wall) => SimStart + ((wall - WallStart) * Speed);

    public DateTimeOffset ToWall(DateTimeOffset sim) => WallStart + ((sim - SimStart) / Speed);

    /// <summary>Simulated time since the start at a wall instant.</summary>
    public TimeSpan Elapsed(DateTimeOffset wall) => (wall - WallStart) * Speed;

    public TimeSpan ToWall(TimeSpan simulated) => simulated / Speed;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _wall.CreateTimer(callback, state, Scale(dueTime), Scale(period));

    private TimeSpan Scale(TimeSpan span) => span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : span / Speed;
}

namespace SmartPark.Efficiency.Consumption;

/// <summary>One reading of a counting register (<c>energy</c>, <c>water_volume</c>, …): its time and the register's value.</summary>
public readonly record struct CounterReading(DateTimeOffset At, double Value);

using SmartPark.Contracts.Alerts;

namespace SmartPark.Dashboard.Alerts;

/// <summary>Pushed to browsers (<c>alert</c>) for every change of an alert; <see cref="Alert"/> is null once it closed.</summary>
public sealed record AlertUpdate(string Park, string AlertId, AlertDocument? Alert);

/// <summary>One transition of an alert, read back from <c>alert_event</c>.</summary>
public sealed record AlertEventView(DateTimeOffset At, string AlertId, string State, string? From, long Seq, string? By, string? Comment, double? Value, double? Limit,
    string Park, string? Enterprise, string? Device, string? Sensor, string Rule, string Kind, string Severity, bool Bureau,
    double? Peak = null, string? Quantity = null, string? Unit = null, string? Source = null);

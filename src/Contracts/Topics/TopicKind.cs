namespace SmartPark.Contracts.Topics;

public enum TopicKind
{
    Telemetry,
    Status,
    Alert,
    AlertAck,
    DeadLetter,
    Rules,
}

using System.Diagnostics.Metrics;

namespace SmartPark.Ingest;

/// <summary>Ingest's counters, exported on /metrics.</summary>
public sealed class IngestMetrics
{
    public const string MeterName = "SmartPark.Ingest";

    public IngestMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        BatchesAccepted = meter.CreateCounter<long>("smartpark.ingest.batches.accepted", description: "Telemetry batches that passed validation");
        BatchesRejected = meter.CreateCounter<long>("smartpark.ingest.batches.rejected", description: "Telemetry batches dead-lettered, by first reason");
        PointsWritten = meter.CreateCounter<long>("smartpark.ingest.points.written", description: "Points InfluxDB acknowledged");
        WriteFailures = meter.CreateCounter<long>("smartpark.ingest.influx.write.failures", description: "InfluxDB writes that failed and will be retried");
        WriteDuration = meter.CreateHistogram<double>("smartpark.ingest.influx.write.duration", unit: "ms", description: "Time of one InfluxDB write");
        StaleAcknowledgements = meter.CreateCounter<long>("smartpark.ingest.acks.skipped", description: "Acknowledgements not sent because the message's connection was gone (the broker redelivers)");
        PointsSpooled = meter.CreateCounter<long>("smartpark.ingest.points.spooled", description: "Points written to the disk spool while InfluxDB was unavailable");
        PointsRefused = meter.CreateCounter<long>("smartpark.ingest.points.refused", description: "Spooled points InfluxDB refused on replay");
        SpoolRecordsDeadLettered = meter.CreateCounter<long>("smartpark.ingest.spool.deadlettered", description: "Spool records InfluxDB refused for good on replay, kept in the spool's deadletter folder");
        SpoolFull = meter.CreateCounter<long>("smartpark.ingest.spool.full", description: "Times the spool was full and acknowledgements were held back");
        ConnectionsRejected = meter.CreateCounter<long>("smartpark.ingest.broker.connections.rejected", description: "Broker logins refused, by reason");
        PublishesRejected = meter.CreateCounter<long>("smartpark.ingest.broker.publishes.rejected", description: "Publishes the broker refused for lack of rights");
        ReadingsRejected = meter.CreateCounter<long>("smartpark.ingest.readings.rejected", description: "Readings dead-lettered from batches whose other readings were stored (unregistered sensor or quantity), by reason");
        SubscriptionsRejected = meter.CreateCounter<long>("smartpark.ingest.broker.subscriptions.rejected", description: "Subscriptions the broker refused for lack of rights");
        TransportRefused = meter.CreateCounter<long>("smartpark.ingest.broker.transport.refused", description: "Connections the broker closed before or while logging in: caps, oversized packets, CONNECT deadline, TLS handshake, by reason");
        _meter = meter;
    }

    private readonly Meter _meter;

    public Counter<long> StaleAcknowledgements { get; }
    public Counter<long> PointsSpooled { get; }
    public Counter<long> PointsRefused { get; }
    public Counter<long> SpoolFull { get; }
    public Counter<long> SpoolRecordsDeadLettered { get; }

    public void ObserveSpool(Func<long> bytes) =>
        _meter.CreateObservableGauge("smartpark.ingest.spool.bytes", bytes, unit: "By", description: "Bytes waiting in the disk spool");

    public Counter<long> ConnectionsRejected { get; }
    public Counter<long> PublishesRejected { get; }
    public Counter<long> SubscriptionsRejected { get; }
    public Counter<long> TransportRefused { get; }
    public Counter<long> ReadingsRejected { get; }

    public Counter<long> BatchesAccepted { get; }
    public Counter<long> BatchesRejected { get; }
    public Counter<long> PointsWritten { get; }
    public Counter<long> WriteFailures { get; }
    public Histogram<double> WriteDuration { get; }
}

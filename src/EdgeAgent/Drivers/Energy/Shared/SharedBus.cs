namespace SmartPark.EdgeAgent.Drivers.Energy.Shared;

/// <summary>
/// One bus (an RS-485 line, a Modbus TCP gateway) shared by every meter on it. Meters on one bus
/// may be polled by samplers with different intervals, so exchanges are serialised here, and the
/// bus is opened once and closed when its last meter lets go.
/// </summary>
public sealed class SharedBus<TClient>
    where TClient : class, IDisposable
{
    private static readonly Dictionary<string, SharedBus<TClient>> Opened = new(StringComparer.Ordinal);
    private static readonly Lock OpenedGate = new();

    private readonly Lock _gate = new();
    private readonly string? _key;
    private int _users = 1;

    private SharedBus(TClient client, string? key)
    {
        Client = client;
        _key = key;
    }

    public TClient Client { get; }

    /// <summary>A bus used by one driver only (tests, or a gateway per meter).</summary>
    public static SharedBus<TClient> Private(TClient client) => new(client, null);

    /// <summary>The bus named <paramref name="key"/> (the device file, host:port), opened on first use.</summary>
    public static SharedBus<TClient> Acquire(string key, Func<TClient> open)
    {
        lock (OpenedGate)
        {
            if (Opened.TryGetValue(key, out var bus))
            {
                bus._users++;
                return bus;
            }
            bus = new SharedBus<TClient>(open(), key);
            Opened[key] = bus;
            return bus;
        }
    }

    public T Run<T>(Func<TClient, T> exchange)
    {
        lock (_gate)
            return exchange(Client);
    }

    public void Release()
    {
        lock (OpenedGate)
        {
            if (--_users > 0)
                return;
            if (_key is not null)
                Opened.Remove(_key);
        }
        Client.Dispose();
    }
}

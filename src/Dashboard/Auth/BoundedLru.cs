namespace SmartPark.Dashboard.Auth;

/// <summary>
/// A map with at most <c>capacity</c> entries that forgets the least recently used one to make
/// room. Sign-in keys (addresses, user names) come from outside, so the trackers keyed by them
/// must not grow without bound however many distinct keys an attacker sends. Not thread-safe:
/// its owners lock around it.
/// </summary>
public sealed class BoundedLru<TValue>(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string Key, TValue Value)>> _nodes = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, TValue Value)> _order = new();

    public int Count => _nodes.Count;

    /// <summary>The value of <paramref name="key"/>, marking it most recently used.</summary>
    public bool TryGet(string key, out TValue value)
    {
        if (_nodes.TryGetValue(key, out var node))
        {
            _order.Remove(node);
            _order.AddFirst(node);
            value = node.Value.Value;
            return true;
        }
        value = default!;
        return false;
    }

    /// <summary>Sets <paramref name="key"/> (most recently used), forgetting the least recently used entry when full.</summary>
    public void Set(string key, TValue value)
    {
        if (_nodes.TryGetValue(key, out var node))
        {
            _order.Remove(node);
            node.Value = (key, value);
            _order.AddFirst(node);
            return;
        }
        if (_nodes.Count >= capacity && _order.Last is { } oldest)
        {
            _order.RemoveLast();
            _nodes.Remove(oldest.Value.Key);
        }
        _nodes[key] = _order.AddFirst((key, value));
    }

    public void Remove(string key)
    {
        if (_nodes.Remove(key, out var node))
            _order.Remove(node);
    }
}

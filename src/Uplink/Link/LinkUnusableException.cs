namespace SmartPark.Uplink.Link;

/// <summary>No reply after every retry: by HJ 212 §6.2 the link is unusable and the exchange ends; the worker reconnects.</summary>
public sealed class LinkUnusableException : Exception
{
    public LinkUnusableException()
    {
    }

    public LinkUnusableException(string message)
        : base(message)
    {
    }

    public LinkUnusableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

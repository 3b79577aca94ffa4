namespace Mbk.Domain.Common;

/// <summary>
/// A rule of the domain was broken. The message is written for the user (in Swedish) and is safe to show.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string message) : base(message)
    {
    }

    public DomainException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public DomainException()
    {
    }
}

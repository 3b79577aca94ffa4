using StackExchange.Redis;

namespace Mbk.Portal.Infrastructure.Live;

/// <summary><c>Redis:Configuration</c>: a StackExchange.Redis configuration string; when set, the live bus runs over Redis.</summary>
public static class RedisSettings
{
    public const string ConfigurationKey = "Redis:Configuration";

    /// <summary>Connects; keeps retrying in the background when Redis is not up yet instead of failing the start.</summary>
    public static IConnectionMultiplexer Connect(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ClientName ??= "mbk-portal-" + Environment.ProcessId;
        return ConnectionMultiplexer.Connect(options);
    }
}

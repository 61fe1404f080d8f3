namespace TradingBot.DevHost.Configuration;

/// <summary>A configuration file or setting the DevHost cannot use; the message names the file, the field and the reason.</summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException()
    {
    }

    public ConfigurationException(string message)
        : base(message)
    {
    }

    public ConfigurationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

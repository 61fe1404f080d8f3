namespace TradingBot.Infra.Tests.Arm;

/// <summary>The template cannot be evaluated: a syntax error, an unknown function, a missing parameter or property.</summary>
internal sealed class ArmTemplateException : Exception
{
    public ArmTemplateException()
    {
    }

    public ArmTemplateException(string message)
        : base(message)
    {
    }

    public ArmTemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

using TradingBot.Backtesting.Optimization;

namespace TradingBot.Backtesting.Tests.Optimization;

public sealed class ConstraintExpressionTests
{
    private static readonly Dictionary<string, double> Values = new() { ["fast"] = 10, ["slow"] = 30, ["exit"] = 5 };

    [Theory]
    [InlineData("fast < slow", true)]
    [InlineData("fast<slow", true)]
    [InlineData("fast >= slow", false)]
    [InlineData("fast * 3 <= slow", true)]
    [InlineData("fast * 3 < slow", false)]
    [InlineData("slow - fast == 20", true)]
    [InlineData("slow / fast = 3", true)]
    [InlineData("fast != 10", false)]
    [InlineData("fast < slow and exit < fast", true)]
    [InlineData("fast > slow or exit < fast", true)]
    [InlineData("fast > slow || exit > fast", false)]
    [InlineData("not (fast > slow) && exit == 5", true)]
    [InlineData("!(fast < slow)", false)]
    [InlineData("FAST < SLOW", true)]
    [InlineData("-fast < 0", true)]
    [InlineData("fast + exit * 2 == 20", true)]
    public void Evaluate_Expressions_FollowArithmeticAndLogicPrecedence(string text, bool expected)
    {
        Assert.Equal(expected, ConstraintExpression.Parse(text).Evaluate(Values));
    }

    [Theory]
    [InlineData("fast <")]
    [InlineData("fast < slow)")]
    [InlineData("(fast < slow")]
    [InlineData("fast + slow")]
    [InlineData("fast < 1.2.3")]
    [InlineData("fast $ slow")]
    public void Parse_Malformed_ThrowsFormatExceptionWithThePosition(string text)
    {
        var error = Assert.Throws<FormatException>(() => ConstraintExpression.Parse(text));

        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_ListsEveryParameterUsed()
    {
        Assert.Equal(new HashSet<string> { "fast", "slow", "exit" }, ConstraintExpression.Parse("fast < slow and exit < 3").Names.ToHashSet());
    }
}

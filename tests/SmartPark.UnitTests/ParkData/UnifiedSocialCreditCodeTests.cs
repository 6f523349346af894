using SmartPark.ParkData.Validation;

namespace SmartPark.UnitTests.ParkData;

public class UnifiedSocialCreditCodeTests
{
    // Published codes (GB 32100-2015's example and registered companies' business licences).
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110000600037341L")]
    [InlineData("914403001922038216")]
    public void Published_codes_are_valid(string code) => Assert.Null(UnifiedSocialCreditCode.Check(code));

    [Theory]
    [InlineData("91350100M000100Y44", UnifiedSocialCreditCode.Problem.CheckDigit)]
    [InlineData("91350100M000100Y4", UnifiedSocialCreditCode.Problem.Length)]
    [InlineData("91350100M0001O0Y43", UnifiedSocialCreditCode.Problem.Character)]
    [InlineData("91350100m000100Y43", UnifiedSocialCreditCode.Problem.Character)]
    [InlineData("", UnifiedSocialCreditCode.Problem.Empty)]
    public void Bad_codes_say_why(string code, UnifiedSocialCreditCode.Problem problem) =>
        Assert.Equal(problem, UnifiedSocialCreditCode.Check(code));

    [Fact]
    public void Every_single_character_typo_is_caught()
    {
        const string code = "91350100M000100Y43";
        for (var i = 0; i < code.Length; i++)
        {
            foreach (var other in UnifiedSocialCreditCode.Alphabet.Where(c => c != code[i]))
                Assert.False(UnifiedSocialCreditCode.IsValid(code[..i] + other + code[(i + 1)..]), $"{i}:{other}");
        }
    }

    [Fact]
    public void The_check_character_completes_a_code() =>
        Assert.Equal('3', UnifiedSocialCreditCode.CheckCharacter("91350100M000100Y4"));
}

using Coordination.Membership.Data;

namespace Coordination.Membership.Tests;

/// <summary>The Y-tunnus check digit: weights 7, 9, 10, 5, 8, 4, 2; remainder 0 → 0, 1 → never issued, else 11 − r.</summary>
public sealed class BusinessIdTests
{
    [TestCase("3416721-2")]
    [TestCase("3044324-0")]
    [TestCase("0349931-0")]
    [TestCase("2783981-8")]
    [TestCase("7424692-7")]
    public void Valid_ids_pass(string id) => Assert.That(BusinessId.IsValid(id), Is.True);

    [TestCase("3416721-3", TestName = "wrong check digit")]
    [TestCase("1234567-8", TestName = "another wrong check digit")]
    [TestCase("34167212", TestName = "no hyphen")]
    [TestCase("341672-2", TestName = "six digits")]
    [TestCase("34167A1-2", TestName = "a letter")]
    [TestCase("", TestName = "empty")]
    [TestCase(null, TestName = "null")]
    public void Invalid_ids_fail(string? id) => Assert.That(BusinessId.IsValid(id), Is.False);

    [Test]
    public void Seven_digits_with_remainder_one_have_no_valid_check_digit()
    {
        // 0000001: 1 × 2 = 2 (r 2); 0000005: 5 × 2 = 10 (r 10); 0000006: 12 → r 1.
        Assert.That(BusinessId.CheckDigit("0000006"), Is.Null);
        Assert.That(Enumerable.Range(0, 10).Any(d => BusinessId.IsValid($"0000006-{d}")), Is.False);
    }

    [Test]
    public void The_old_six_digit_form_is_padded_and_dashes_are_normalised()
    {
        Assert.That(BusinessId.Normalize(" 349931-0 "), Is.EqualTo("0349931-0"));
        Assert.That(BusinessId.Normalize("3416721–2"), Is.EqualTo("3416721-2"));
    }
}

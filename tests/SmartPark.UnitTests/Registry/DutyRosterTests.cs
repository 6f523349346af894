using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Registry.Duty;
using SmartPark.Ingest.Notifications.Routing;

namespace SmartPark.UnitTests.Registry;

[Trait("Category", "Unit")]
public class DutyRosterTests
{
    // Inserted after line 6 (the park's leadingIndustry), so the roster starts on line 7.
    private static readonly string[] Roster =
    [
        "    duty:",                                                                                   // 7
        "      manager: li",                                                                           // 8
        "      people:",                                                                               // 9
        "        - { id: zhang, name: 张工, phone: 138 0000 0001, email: zhang@park.example }",        // 10
        "        - { id: wang, name: 王工, phone: '+8613800000002' }",                                 // 11
        "        - { id: li, name: 李经理, email: li@park.example }",                                  // 12
        "      shifts:",                                                                               // 13
        "        - { days: weekdays, from: '08:00', until: '18:00', people: [zhang, wang, li] }",     // 14
        "        - { days: all, from: '18:00', until: '08:00', people: [wang] }",                     // 15
    ];

    private static string Yaml(params (int Line, string Text)[] changes)
    {
        var lines = RegistryYaml.Valid.Split('\n').ToList();
        lines.InsertRange(6, Roster);
        foreach (var (line, text) in changes)
            lines[line - 1] = text;
        return string.Join('\n', lines);
    }

    private static RegistryDuty Duty() => RegistryLoader.Parse(Yaml()).Parks[0].Duty!;

    // 2026-12-07 is a Monday; China Standard Time is UTC+8.
    private static DateTimeOffset China(int day, int hour, int minute = 0) => new(2026, 12, day, hour, minute, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_weekday_daytime_chain_is_the_shift_in_order_with_the_manager_last_and_once()
    {
        var chain = DutyRoster.ChainAt(Duty(), China(7, 10));
        Assert.Equal(["zhang", "wang", "li"], chain.Select(p => p.Id));
        Assert.Equal("+8613800000001", chain[0].Phone);
    }

    [Theory]
    [InlineData(7, 18, 0, "wang")]   // Monday evening: the night shift starts
    [InlineData(8, 7, 59, "wang")]   // Tuesday morning: still Monday's night shift
    [InlineData(8, 8, 0, "zhang")]   // Tuesday 08:00: the day shift
    [InlineData(12, 12, 0, "li")]    // Saturday noon: no shift covers it, so only the manager is left to tell
    public void The_first_person_on_duty_follows_the_clock_in_china_time(int day, int hour, int minute, string first)
    {
        var chain = DutyRoster.ChainAt(Duty(), China(day, hour, minute));
        Assert.Equal(first, chain[0].Id);
        Assert.Equal("li", chain[^1].Id);
    }

    [Fact]
    public void The_same_moment_in_utc_gives_the_same_chain()
    {
        var utc = China(8, 7, 30).ToUniversalTime();
        Assert.Equal("wang", DutyRoster.ChainAt(Duty(), utc)[0].Id);
    }

    [Theory]
    [InlineData(8, "      manager: zhao", "manager 'zhao' is not one of its people")]
    [InlineData(11, "        - { id: wang, name: 王工, phone: '12345' }", "phone '12345' is not a mobile number")]
    [InlineData(12, "        - { id: li, name: 李经理, email: not-an-address }", "email 'not-an-address' is not an address")]
    [InlineData(12, "        - { id: li, name: 李经理 }", "has neither phone nor email")]
    [InlineData(12, "        - { id: zhang, name: 李经理, email: li@park.example }", "person 'zhang' is listed twice")]
    [InlineData(15, "        - { days: all, from: '18:00', until: '08:00', people: [nobody] }", "shift person 'nobody' is not one of its people")]
    [InlineData(15, "        - { days: someday, from: '18:00', until: '08:00', people: [wang] }", "days must be")]
    [InlineData(15, "        - { days: all, from: '6pm', until: '08:00', people: [wang] }", "'from' must be a time of day HH:mm")]
    public void A_wrong_roster_is_refused_at_its_line(int line, string text, string message)
    {
        var ex = Assert.Throws<RegistryException>(() => RegistryLoader.Parse(Yaml((line, text))));
        Assert.Contains(ex.Errors, e => e.Line == line && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("18:00-08:00", 7, 23, true)]
    [InlineData("18:00-08:00", 8, 7, true)]
    [InlineData("18:00-08:00", 8, 12, false)]
    [InlineData("08:00-18:00", 8, 12, true)]
    [InlineData("", 8, 12, true)]
    public void An_hour_window_is_read_in_china_time_and_may_run_past_midnight(string text, int day, int hour, bool inside)
    {
        Assert.True(HourWindow.TryParse(text, out var window));
        Assert.Equal(inside, window.Contains(China(day, hour).ToUniversalTime()));
    }

    [Theory]
    [InlineData("18-08")]
    [InlineData("18:00")]
    [InlineData("25:00-08:00")]
    public void A_wrong_hour_window_is_refused(string text) => Assert.False(HourWindow.TryParse(text, out _));
}

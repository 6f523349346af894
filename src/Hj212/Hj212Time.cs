using System.Globalization;

namespace SmartPark.Hj212;

/// <summary>
/// The standard's time texts: QN <c>YYYYMMDDhhmmsszzz</c> (to the millisecond) and DataTime,
/// SystemTime, BeginTime, EndTime <c>YYYYMMDDhhmmss</c>. They are local wall-clock times with no
/// zone on the wire (Beijing time for Chinese bureaus); callers convert with their offset.
/// </summary>
public static class Hj212Time
{
    public const string QnFormat = "yyyyMMddHHmmssfff";
    public const string DataTimeFormat = "yyyyMMddHHmmss";

    public static string Qn(DateTime local) => local.ToString(QnFormat, CultureInfo.InvariantCulture);

    public static string DataTime(DateTime local) => local.ToString(DataTimeFormat, CultureInfo.InvariantCulture);

    public static bool TryParseQn(string? text, out DateTime local) =>
        DateTime.TryParseExact(text, QnFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out local);

    public static bool TryParseDataTime(string? text, out DateTime local) =>
        DateTime.TryParseExact(text, DataTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out local);

    /// <summary>The wall-clock time at <paramref name="utcOffset"/> of an instant.</summary>
    public static DateTime Local(DateTimeOffset at, TimeSpan utcOffset) => at.ToOffset(utcOffset).DateTime;
}

namespace SmartPark.Hj212;

/// <summary>Command codes (CN) of HJ 212-2017 Table 9 that SmartPark sends or answers.</summary>
public static class Hj212Commands
{
    public const string SetTimeoutAndRetries = "1000";
    public const string GetTime = "1011";
    public const string SetTime = "1012";
    public const string TimeCalibrationRequest = "1013";
    public const string GetRealTimeInterval = "1061";
    public const string SetRealTimeInterval = "1062";
    public const string GetMinuteInterval = "1063";
    public const string SetMinuteInterval = "1064";
    public const string SetPassword = "1072";
    /// <summary>Field → host: real-time data; host → field: start sending it.</summary>
    public const string RealTimeData = "2011";
    public const string StopRealTimeData = "2012";
    /// <summary>Field → host: run state of the pollution-treatment facilities (<c>SBxxx-RS</c>, Table C.15), at the real-time interval.</summary>
    public const string RunStateData = "2021";
    public const string DailyData = "2031";
    /// <summary>Field → host: each treatment facility's run time in a day (<c>SBxxx-RT</c>, hours, Table C.19).</summary>
    public const string RunTimeData = "2041";
    public const string MinuteData = "2051";
    public const string HourlyData = "2061";
    public const string RequestResponse = "9011";
    public const string ExecutionResult = "9012";
    public const string NotificationResponse = "9013";
    public const string DataResponse = "9014";

    /// <summary>The data uploads a platform answers with 9014 when Flag asks.</summary>
    public static bool IsDataUpload(string cn) => cn is RealTimeData or MinuteData or HourlyData or DailyData or RunStateData or RunTimeData;
}

/// <summary>System codes (ST) of Table 5.</summary>
public static class Hj212SystemCodes
{
    public const string VocMonitoring = "27";
    public const string AirPollutionSource = "31";
    public const string SurfaceWaterPollutionSource = "32";
    public const string SystemInteraction = "91";

    /// <summary>Every code of Table 5 a monitoring point may use (91 is for replies only).</summary>
    public static IReadOnlyList<string> ForMonitoringPoints { get; } =
        ["21", "22", "23", "24", "25", "26", "27", "31", "32", "33", "34", "35", "36", "37", "38", "39", "41", "51", "52"];
}

/// <summary>QnRtn values (Table 7): the field unit's answer to a host request.</summary>
public static class Hj212QnRtn
{
    public const int Ready = 1;
    public const int Rejected = 2;
    public const int PasswordError = 3;
    public const int MnError = 4;
    public const int StError = 5;
    public const int FlagError = 6;
    public const int QnError = 7;
    public const int CnError = 8;
    public const int CrcError = 9;
    public const int Unknown = 100;
}

/// <summary>ExeRtn values (Table 6): how a host request was carried out.</summary>
public static class Hj212ExeRtn
{
    public const int Success = 1;
    public const int Failed = 2;
    public const int ConditionError = 3;
    public const int Timeout = 4;
    public const int Busy = 5;
    public const int SystemFault = 6;
    public const int NoData = 100;
}

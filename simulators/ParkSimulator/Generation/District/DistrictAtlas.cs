namespace SmartPark.Simulator.Generation.District;

/// <summary>A place name in both languages (the English one is the pinyin, as Guangzhou's own signs write it).</summary>
public sealed record PlaceName(string Zh, string En);

/// <summary>
/// Where a Guangzhou district lies, roughly: a centre and a half-extent in degrees that stay inside
/// the district, its administrative division code (the 6 digits in the middle of a credit code),
/// and a few of its towns and subdistricts (镇/街道). Enough for a generated district to put its
/// parks on a map where the district is, not to survey it.
/// </summary>
public sealed record DistrictPlace(
    string Id,
    string DivisionCode,
    double Latitude,
    double Longitude,
    double HalfLatitude,
    double HalfLongitude,
    IReadOnlyList<PlaceName> Townships);

public static class DistrictAtlas
{
    /// <summary>Guangzhou's districts of the plan's table (ids as <c>JurisdictionSeed</c> gives them).</summary>
    public static IReadOnlyList<DistrictPlace> Guangzhou { get; } =
    [
        new("baiyun", "440111", 23.27, 113.32, 0.10, 0.09,
        [
            new("钟落潭镇", "Zhongluotan"), new("人和镇", "Renhe"), new("太和镇", "Taihe"), new("江高镇", "Jianggao"),
            new("石门街道", "Shimen"), new("均禾街道", "Junhe"), new("嘉禾街道", "Jiahe"), new("永平街道", "Yongping"),
            new("龙归街道", "Longgui"), new("鹤龙街道", "Helong"), new("石井街道", "Shijing"), new("金沙街道", "Jinsha"),
        ]),
        new("liwan", "440103", 23.09, 113.23, 0.03, 0.02, [new("东漖街道", "Dongjiao"), new("中南街道", "Zhongnan"), new("海龙街道", "Hailong")]),
        new("haizhu", "440105", 23.08, 113.33, 0.02, 0.05, [new("华洲街道", "Huazhou"), new("官洲街道", "Guanzhou"), new("南洲街道", "Nanzhou")]),
        new("tianhe", "440106", 23.17, 113.38, 0.04, 0.04, [new("龙洞街道", "Longdong"), new("凤凰街道", "Fenghuang"), new("长兴街道", "Changxing")]),
        new("huangpu", "440112", 23.20, 113.47, 0.08, 0.06, [new("九龙镇", "Jiulong"), new("永和街道", "Yonghe"), new("萝岗街道", "Luogang"), new("新龙镇", "Xinlong")]),
        new("panyu", "440113", 22.95, 113.38, 0.06, 0.08, [new("石楼镇", "Shilou"), new("化龙镇", "Hualong"), new("沙湾街道", "Shawan"), new("石碁镇", "Shiji"), new("南村镇", "Nancun")]),
        new("huadu", "440114", 23.42, 113.20, 0.10, 0.10, [new("狮岭镇", "Shiling"), new("炭步镇", "Tanbu"), new("花东镇", "Huadong"), new("赤坭镇", "Chini"), new("花山镇", "Huashan")]),
        new("nansha", "440115", 22.75, 113.52, 0.10, 0.08, [new("东涌镇", "Dongchong"), new("大岗镇", "Dagang"), new("横沥镇", "Hengli"), new("榄核镇", "Lanhe")]),
        new("conghua", "440117", 23.60, 113.55, 0.15, 0.12, [new("太平镇", "Taiping"), new("鳌头镇", "Aotou"), new("温泉镇", "Wenquan")]),
        new("zengcheng", "440118", 23.28, 113.72, 0.12, 0.10, [new("新塘镇", "Xintang"), new("石滩镇", "Shitan"), new("中新镇", "Zhongxin"), new("仙村镇", "Xiancun")]),
    ];

    public static DistrictPlace? Find(string id) => Guangzhou.FirstOrDefault(d => d.Id == id);

    /// <summary>Village names to draw collectives from (common in the Pearl River Delta; not a register of real collectives).</summary>
    public static IReadOnlyList<PlaceName> Villages { get; } =
    [
        new("石门", "Shimen"), new("大朗", "Dalang"), new("蚌湖", "Banghu"), new("秀水", "Xiushui"), new("高增", "Gaozeng"),
        new("鸦湖", "Yahu"), new("竹料", "Zhuliao"), new("良田", "Liangtian"), new("米龙", "Milong"), new("寮采", "Liaocai"),
        new("马沥", "Mali"), new("大田", "Datian"), new("夏良", "Xialiang"), new("南岗", "Nangang"), new("罗岗", "Luogang"),
        new("朗头", "Langtou"), new("沙溪", "Shaxi"), new("鹤亭", "Heting"), new("北村", "Beicun"), new("塘贝", "Tangbei"),
        new("石马", "Shima"), new("龙岗", "Longgang"), new("新石", "Xinshi"), new("横沙", "Hengsha"), new("红星", "Hongxing"),
        new("朝阳", "Chaoyang"), new("滘心", "Jiaoxin"), new("长红", "Changhong"), new("大岭", "Daling"), new("营溪", "Yingxi"),
        new("东平", "Dongping"), new("萧岗", "Xiaogang"), new("江村", "Jiangcun"), new("南浦", "Nanpu"), new("井岗", "Jinggang"),
        new("水沥", "Shuili"), new("平沙", "Pingsha"), new("白沙", "Baisha"), new("田心", "Tianxin"), new("黄岗", "Huanggang"),
        new("上塘", "Shangtang"), new("下围", "Xiawei"), new("新庄", "Xinzhuang"), new("元下田", "Yuanxiatian"), new("凤和", "Fenghe"),
        new("方石", "Fangshi"), new("清湖", "Qinghu"), new("矮岗", "Aigang"), new("东华", "Donghua"), new("西湖", "Xihu"),
        new("乌溪", "Wuxi"), new("大沥", "Dali"), new("谢家庄", "Xiejiazhuang"), new("黄沙", "Huangsha"), new("神山", "Shenshan"),
        new("同德", "Tongde"), new("夏花", "Xiahua"), new("钟升", "Zhongsheng"), new("五龙岗", "Wulonggang"), new("陈田", "Chentian"),
    ];

    /// <summary>Trading names enterprises are called by (广州市华信家具有限公司 / Guangzhou Huaxin Furniture Co., Ltd.).</summary>
    public static IReadOnlyList<PlaceName> Brands { get; } =
    [
        new("华信", "Huaxin"), new("美达", "Meida"), new("嘉利", "Jiali"), new("信达", "Xinda"), new("鸿运", "Hongyun"),
        new("天富", "Tianfu"), new("粤丰", "Yuefeng"), new("金盛", "Jinsheng"), new("宏达", "Hongda"), new("恒通", "Hengtong"),
        new("广源", "Guangyuan"), new("志成", "Zhicheng"), new("永兴", "Yongxing"), new("泰和", "Taihe"), new("利华", "Lihua"),
        new("瑞丰", "Ruifeng"), new("汇隆", "Huilong"), new("安达", "Anda"), new("盈科", "Yingke"), new("联创", "Lianchuang"),
        new("新光", "Xinguang"), new("鼎盛", "Dingsheng"), new("顺发", "Shunfa"), new("德隆", "Delong"), new("明辉", "Minghui"),
        new("晟达", "Shengda"), new("佳美", "Jiamei"), new("卓越", "Zhuoyue"), new("南粤", "Nanyue"), new("富利", "Fuli"),
    ];

    /// <summary>How an industry appears in a company name, in both languages.</summary>
    public static PlaceName IndustryWord(string industry) => industry switch
    {
        "furniture_painting" => new("家具", "Furniture"),
        "printing" => new("印刷", "Printing"),
        "plastics_rubber" => new("塑胶", "Plastics"),
        "electronics_assembly" => new("电子", "Electronics"),
        "metalwork" => new("五金", "Metalwork"),
        "warehousing" => new("物流", "Logistics"),
        _ => new("实业", "Industrial"),
    };
}

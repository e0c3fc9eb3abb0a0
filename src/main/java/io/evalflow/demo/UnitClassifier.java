package io.evalflow.demo;

import java.util.List;

import io.evalflow.account.UnitType;

/**
 * Guesses a seeded unit's type and region from its published name; the 2012 results give
 * neither.
 */
final class UnitClassifier {

	private static final List<String> PROVINCES = List.of("北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏",
			"浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "内蒙古", "广西",
			"西藏", "宁夏", "新疆");

	private static final List<String[]> CITIES = List.of(new String[] { "宁波", "浙江" }, new String[] { "宜昌", "湖北" },
			new String[] { "青岛", "山东" }, new String[] { "玉林", "广西" }, new String[] { "济源", "河南" },
			new String[] { "成都", "四川" }, new String[] { "兰州", "甘肃" }, new String[] { "广州", "广东" },
			new String[] { "南京", "江苏" }, new String[] { "常州", "江苏" }, new String[] { "杭州", "浙江" },
			new String[] { "厦门", "福建" }, new String[] { "银川", "宁夏" }, new String[] { "武汉", "湖北" });

	private UnitClassifier() {
	}

	static UnitType type(String name, boolean individual) {
		if (individual) {
			return UnitType.INDIVIDUAL;
		}
		if (name.contains("集团") || name.contains("公司")) {
			return UnitType.ENTERPRISE;
		}
		if (name.contains("大学") || name.contains("学院")) {
			return UnitType.UNIVERSITY;
		}
		if (name.contains("科学院") || name.contains("研究院") || name.contains("研究所")) {
			return UnitType.RESEARCH_INSTITUTE;
		}
		if (region(name).equals("全国")) {
			return name.contains("部") || name.contains("署") ? UnitType.CENTRAL_MINISTRY : UnitType.STATE_ORGAN;
		}
		return UnitType.LOCAL_GOVERNMENT;
	}

	static String region(String name) {
		for (String province : PROVINCES) {
			if (name.contains(province)) {
				return province;
			}
		}
		for (String[] city : CITIES) {
			if (name.contains(city[0])) {
				return city[1];
			}
		}
		return "全国";
	}

}

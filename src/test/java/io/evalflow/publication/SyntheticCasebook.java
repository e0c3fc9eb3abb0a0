package io.evalflow.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.evalflow.publication.CasebookContent.Case;
import io.evalflow.publication.CasebookContent.CategoryCases;
import io.evalflow.publication.CasebookContent.Labels;
import io.evalflow.publication.CasebookContent.Section;

/**
 * Casebook content of any size without a database: cases of the 2012 kind, each with five
 * sections of Chinese prose (mixed with Latin words and figures) of seeded random length.
 */
final class SyntheticCasebook {

	static final Labels LABELS = new Labels("案例集", "收录入围案例 122 个", "目录", "申报单位：", "类别：", "编号：", "最佳实践", "— %d —");

	private static final String[] CATEGORIES = { "管理创新", "公共服务", "技术应用", "政务微博" };

	private static final String[] SENTENCES = { "该市以“一网通办”为抓手，推动政务服务事项全部进驻网上办事大厅，实现了办事群众少跑腿、数据多跑路。",
			"通过建设统一的数据共享交换平台，打通了公安、人社、民政等23个部门的业务系统，累计交换数据1.2亿条。", "项目采用SOA架构和云计算技术，基于Java EE平台开发，支持7×24小时不间断服务。",
			"在推进过程中，坚持顶层设计与基层创新相结合，建立了由主要领导牵头的电子政务工作领导小组。", "政务微博“平安北京”开通以来，粉丝数突破500万，发布信息3万余条，回应网民诉求1.8万件。",
			"创新点在于首次将网格化管理理念引入城市管理，将辖区划分为1,652个单元网格，实行精细化管理。", "实施成效显著：行政审批时限平均缩短60%以上，群众满意度达到98.5%，获得社会各界广泛好评。",
			"下一步将继续深化应用，推广到全省各地市，并探索移动互联网（Mobile Internet）条件下的服务新模式。" };

	private SyntheticCasebook() {
	}

	static CasebookContent content(int cases, long seed) {
		Random random = new Random(seed);
		List<List<Case>> perCategory = new ArrayList<>();
		for (int c = 0; c < CATEGORIES.length; c++) {
			perCategory.add(new ArrayList<>());
		}
		for (int i = 0; i < cases; i++) {
			int category = i % CATEGORIES.length;
			List<String> units = new ArrayList<>(List.of("示例省第" + (i + 1) + "号电子政务办公室"));
			if (i % 5 == 0) {
				units.add("示例信息技术研究院");
			}
			List<Section> sections = List.of(new Section("摘要", prose(random, 300)),
					new Section("背景", prose(random, 700)), new Section("主要做法", prose(random, 1400)),
					new Section("创新点", prose(random, 600)), new Section("实施成效", prose(random, 800)));
			perCategory.get(category)
				.add(new Case("第" + (i + 1) + "号案例：以信息化推动" + CATEGORIES[category] + "的实践与探索", units,
						CATEGORIES[category], "EGOV-2012-" + String.format("%05d", i + 1), i % 3 == 0, sections));
		}
		List<CategoryCases> categories = new ArrayList<>();
		for (int c = 0; c < CATEGORIES.length; c++) {
			categories.add(new CategoryCases(CATEGORIES[c] + "类", perCategory.get(c)));
		}
		return new CasebookContent("2012年中国电子政务最佳实践评选", "国家行政学院电子政务研究中心", "2012年12月", LABELS, categories);
	}

	/** About {@code chars} characters of prose in paragraphs. */
	private static String prose(Random random, int chars) {
		StringBuilder text = new StringBuilder();
		int paragraph = 0;
		while (text.length() < chars) {
			text.append(SENTENCES[random.nextInt(SENTENCES.length)]);
			if (++paragraph % 4 == 0) {
				text.append('\n');
			}
		}
		return text.toString();
	}

}

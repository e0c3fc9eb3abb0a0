package io.evalflow.demo;

import java.util.List;
import java.util.Set;

import io.evalflow.account.AccountService;
import io.evalflow.account.RegistrationRequest;
import io.evalflow.account.Role;
import io.evalflow.account.UnitType;
import io.evalflow.review.ExpertRequest;
import io.evalflow.review.ExpertService;

import org.springframework.stereotype.Component;

/**
 * The demo's sign-in accounts, one set per role. They exist only where the demo is
 * enabled (the embedded default); the README lists them with their passwords.
 */
@Component
class DemoAccounts {

	static final String ORGANIZER = "organizer";

	private final AccountService accounts;

	private final ExpertService experts;

	DemoAccounts(AccountService accounts, ExpertService experts) {
		this.accounts = accounts;
		this.experts = experts;
	}

	void create() {
		Long institute = this.accounts.findOrCreateUnit("国家行政学院电子政务研究中心", UnitType.RESEARCH_INSTITUTE, "北京").getId();
		this.accounts.createAccount("admin", "admin-2012", "系统管理员", Role.ADMIN, institute);
		this.accounts.createAccount(ORGANIZER, "organizer-2012", "评选办公室", Role.ORGANIZER, institute);
		List<String[]> pool = List.of(new String[] { "expert1", "王明", "北京大学政府管理学院", "北京" },
				new String[] { "expert2", "李华", "清华大学公共管理学院", "北京" },
				new String[] { "expert3", "张伟", "复旦大学国际关系与公共事务学院", "上海" },
				new String[] { "expert4", "刘洋", "中山大学政治与公共事务管理学院", "广东" },
				new String[] { "expert5", "陈静", "国家信息中心", "北京" });
		for (String[] e : pool) {
			this.experts.create(new ExpertRequest(e[0], "expert-2012", e[1], e[2], e[3], "教授", Set.of(), 200, null,
					e[0] + "@demo.evalflow.invalid"));
		}
		this.accounts.registerApplicant(new RegistrationRequest("applicant1", "applicant-2012", "示例市电子政务办公室",
				UnitType.LOCAL_GOVERNMENT, "江苏", "赵敏", "zhao@example.org", "025-12345678"));
		this.accounts.registerApplicant(new RegistrationRequest("applicant2", "applicant-2012", "示例省信息中心",
				UnitType.STATE_ORGAN, "浙江", "钱进", "qian@example.org", "0571-12345678"));
		this.accounts.registerApplicant(new RegistrationRequest("applicant3", "applicant-2012", "示例市公安局民警 孙立",
				UnitType.INDIVIDUAL, "福建", "孙立", "sun@example.org", "0592-1234567"));
	}

}

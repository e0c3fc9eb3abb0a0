package io.evalflow.account;

/**
 * The kinds of applicant the 2012 call addressed (中央部委、国家机关、地方政府、企事业单位、科研院所、高等院校), plus
 * individuals, who applied in the microblog category.
 */
public enum UnitType {

	CENTRAL_MINISTRY, STATE_ORGAN, LOCAL_GOVERNMENT, ENTERPRISE, RESEARCH_INSTITUTE, UNIVERSITY, INDIVIDUAL

}

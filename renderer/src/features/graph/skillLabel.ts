/** 'ui-design' → 'Ui design'; 'lifecycle-assessment' → 'Lifecycle assessment'. */
export const skillLabel = (skill: string) => (skill ? skill[0].toUpperCase() + skill.slice(1).replace(/-/g, ' ') : skill);

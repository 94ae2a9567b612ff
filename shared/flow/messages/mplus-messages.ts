export const mplusMessages = {};

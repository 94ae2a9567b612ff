export const teamleaderMessages = {};

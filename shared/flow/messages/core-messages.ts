export const coreMessages = {};

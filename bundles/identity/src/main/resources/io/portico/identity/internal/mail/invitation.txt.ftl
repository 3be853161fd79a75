Hello,

${inviter} invited you to ${organization} on ${brand.name} as ${role}.

Accept the invitation here:

${link}

The link works once, for ${days} days.

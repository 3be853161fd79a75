Hello ${name},

Please confirm your email address by opening this link:

${link}

The link works once, for ${hours} hours.

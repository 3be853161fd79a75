Hello,

To finish registering with ${brand.name}, confirm your email address and choose your password here:

${link}

The link works once, for ${hours} hours. If you did not register, ignore this email.

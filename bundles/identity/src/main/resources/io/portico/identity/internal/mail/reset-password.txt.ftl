Hello ${name},

Someone (we hope you) asked to reset your password. Choose a new one here:

${link}

The link works once, for ${minutes} minutes. If you did not ask, ignore this email: your password stays as it is.

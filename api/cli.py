def main(): print("hi from cli")
